/* 班次列表：年度、单位、机构、阶段筛选保存在地址栏；服务端分页排序；每个班次链接到班次页。 */
(function () {
  'use strict';

  var FILTERS = ['year', 'unitId', 'institutionId'];

  function filterParams() {
    var all = Portal.params();
    var out = {};
    FILTERS.concat(['stage', 'q']).forEach(function (k) {
      if (all[k]) { out[k] = all[k]; }
    });
    return out;
  }

  function renderStageFilter(container) {
    var params = filterParams();
    var stageParams = {};
    FILTERS.forEach(function (k) { if (params[k]) { stageParams[k] = params[k]; } });
    return Portal.api('/api/portal/classes/stages', stageParams).then(function (answer) {
      container.innerHTML = '';
      var select = Portal.el('select', {id: 'stage', name: 'stage'},
        Portal.el('option', {value: ''}, '全部阶段'));
      answer.stages.forEach(function (s) {
        var option = Portal.el('option', {value: s.stage}, s.label + '（' + s.count + '）');
        if (params.stage === s.stage) { option.selected = true; }
        select.appendChild(option);
      });
      select.addEventListener('change', function () {
        var next = Portal.params();
        next.stage = select.value;
        next.page = 0;
        Portal.setParams(next);
        renderTable();
      });
      container.appendChild(Portal.el('label', {'for': 'stage'}, '阶段'));
      container.appendChild(select);
    });
  }

  function renderTable() {
    var container = document.getElementById('classes');
    container.innerHTML = '';
    Portal.table(container, {
      caption: '班次（点击班次名称查看班次页）',
      columns: [
        {key: 'classNumber', label: '班次编号', sortable: true},
        {key: 'title', label: '班次名称', sortable: true, render: function (row) {
          return Portal.el('a', {href: Portal.link.klass(row.id), 'class': 'class-link'}, row.title);
        }},
        {key: 'institution', label: '培训机构', sortable: true},
        {key: 'classTypeLabel', label: '班次类型'},
        {key: 'startDate', label: '开班日期', sortable: true, render: function (row) { return Portal.fmt.date(row.startDate); }},
        {key: 'endDate', label: '结业日期', sortable: true, render: function (row) { return Portal.fmt.date(row.endDate); }},
        {key: 'plannedParticipants', label: '计划人数', sortable: true},
        {key: 'enrolled', label: '参训人数', sortable: true},
        {key: 'stage', label: '阶段', sortable: true, render: function (row) {
          return Portal.el('span', {'class': 'stage stage-' + row.stage}, row.stageLabel);
        }},
        {key: 'processInstanceId', label: '流程', render: function (row) {
          return row.processInstanceId
            ? Portal.el('a', {href: Portal.link.cockpit(row.processInstanceId)}, '在 Cockpit 中查看')
            : '—';
        }}
      ],
      load: function (params) {
        var query = filterParams();
        Object.keys(params || {}).forEach(function (k) { query[k] = params[k]; });
        return Portal.api('/api/portal/classes', query);
      }
    });
  }

  Portal.init({title: '班次列表'}).then(function () {
    Portal.filterBar(document.getElementById('filters'), {
      fields: FILTERS,
      onChange: function () {
        renderStageFilter(document.getElementById('stage-filter'));
        renderTable();
      }
    });
    renderStageFilter(document.getElementById('stage-filter'));
    renderTable();
  });
}());
