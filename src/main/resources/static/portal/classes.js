/*
 * 培训班列表：年度、单位、机构、阶段筛选保存在地址栏（可分享）；各阶段班次数（卡片即该阶段的列表）；
 * 服务端分页排序的班次表，班次链接到班次页，流程实例链接到 Cockpit。
 */
(function () {
  'use strict';

  var el = function () { return Portal.el.apply(Portal, arguments); };
  var FIELDS = ['year', 'unitId', 'institutionId', 'stage'];
  var list;

  function renderStages(stages) {
    var current = Portal.params();
    var cards = document.getElementById('stages');
    Portal.clear(cards);
    stages.forEach(function (s) {
      var target = {year: current.year, unitId: current.unitId, institutionId: current.institutionId, stage: s.stage};
      cards.appendChild(el('a', {href: Portal.link.classes(target), 'class': 'card', 'data-stage': s.stage,
        'aria-current': current.stage === s.stage ? 'true' : null},
        el('span', {'class': 'value'}, String(s.count)), el('span', {'class': 'label'}, s.label)));
    });
  }

  function loadStages() {
    var p = Portal.params();
    return Portal.api('/api/portal/classes/stages', {year: p.year, unitId: p.unitId, institutionId: p.institutionId})
      .then(function (answer) { renderStages(answer.stages); return answer.stages; });
  }

  Portal.init({title: '培训班'}).then(loadStages).then(function (stages) {
    Portal.filterBar(document.getElementById('filters'), {
      fields: FIELDS,
      labels: {stage: '阶段'},
      choices: {stage: stages.map(function (s) { return {value: s.stage, label: s.label}; })},
      onChange: function () {
        loadStages();
        list.reload();
      }
    });
    list = Portal.table(document.getElementById('classes'), {
      caption: '班次',
      sort: '-startDate',
      columns: [
        {key: 'classNumber', label: '班次编号', sortable: true},
        {key: 'title', label: '班次名称', sortable: true, render: function (row) {
          return el('a', {href: Portal.link.klass(row.id), 'class': 'class-link'}, row.title);
        }},
        {key: 'institution', label: '培训机构', sortable: true},
        {key: 'classTypeLabel', label: '班次类型'},
        {key: 'startDate', label: '开班日期', sortable: true, render: function (row) { return Portal.fmt.date(row.startDate); }},
        {key: 'endDate', label: '结业日期', sortable: true, render: function (row) { return Portal.fmt.date(row.endDate); }},
        {key: 'plannedParticipants', label: '计划人数', sortable: true},
        {key: 'enrolled', label: '参训人数', sortable: true},
        {key: 'stage', label: '阶段', sortable: true, render: function (row) {
          return el('span', {'class': 'stage', 'data-stage': row.stage}, row.stageLabel);
        }},
        {key: 'processInstanceId', label: '流程', render: function (row) {
          return row.processInstanceId
            ? el('a', {href: Portal.link.cockpit(row.processInstanceId)}, '流程监控') : '—';
        }}
      ],
      load: function (params) {
        return Portal.api('/api/portal/classes', params);
      }
    });
  });
}());
