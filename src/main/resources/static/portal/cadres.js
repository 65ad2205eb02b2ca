/* The coverage drill-down (R5–R7): active cadres with light, hours and reason from /api/coverage/cadres, filtered by
   unit (with or without sub-units), rank, category and light; paged and sorted on the server. */
(function () {
  'use strict';

  var LIGHTS = {RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯'};
  var FILTERS = ['unitId', 'subUnits', 'rank', 'category', 'light', 'year'];

  /** Portal.table sorts as field / -field; the coverage API as field,asc / field,desc. */
  function coverageSort(sort) {
    if (!sort) { return undefined; }
    return sort.charAt(0) === '-' ? sort.substring(1) + ',desc' : sort + ',asc';
  }

  function asOf(year) {
    if (!year) { return undefined; }
    var end = new Date(Number(year), 11, 31);
    return end > new Date() ? undefined : year + '-12-31';
  }

  Portal.init({title: '应训干部名单'}).then(function () {
    var lightSelect = Portal.el('select', {id: 'light-filter'},
      Portal.el('option', {value: ''}, '全部'),
      Object.keys(LIGHTS).map(function (k) { return Portal.el('option', {value: k}, LIGHTS[k]); }));
    lightSelect.value = Portal.params().light || '';
    var table = function () {
      var current = Portal.params();
      document.getElementById('scope').textContent = current.light ? '只看' + LIGHTS[current.light] + '干部' : '';
      document.getElementById('list').textContent = '';
      Portal.table(document.getElementById('list'), {
        caption: '应训干部名单（近5年）',
        columns: [
          {key: 'cadreNumber', label: '干部编号', sortable: true, render: function (r) { return Portal.el('a', {href: Portal.link.cadre(r.cadreId)}, r.cadreNumber); }},
          {key: 'name', label: '姓名', sortable: true, render: function (r) { return Portal.el('a', {href: Portal.link.cadre(r.cadreId)}, r.name); }},
          {key: 'unit', label: '单位', sortable: true, render: function (r) { return r.unit.name; }},
          {key: 'rank', label: '职级', sortable: true, render: function (r) { return r.rankLabel; }},
          {key: 'light', label: '灯', sortable: true, render: function (r) { return r.lightLabel; }},
          {key: 'totalHours', label: '近5年学时', sortable: true},
          {key: 'shortfall', label: '尚差学时', sortable: true},
          {key: 'reason', label: '原因'}
        ],
        load: function (paging) {
          var p = Portal.params();
          var query = {};
          FILTERS.forEach(function (f) { if (p[f] && f !== 'year') { query[f] = p[f]; } });
          query.asOf = asOf(p.year);
          query.page = paging.page;
          query.size = paging.size;
          query.sort = coverageSort(paging.sort);
          return Portal.api('/api/coverage/cadres', query);
        }
      });
    };
    var filters = document.getElementById('filters');
    Portal.filterBar(filters, {fields: ['year', 'unitId', 'rank', 'category'], onChange: table});
    filters.appendChild(Portal.el('label', {'for': 'light-filter'}, '灯'));
    filters.appendChild(lightSelect);
    lightSelect.addEventListener('change', function () {
      Portal.setParams(Object.assign(Portal.params(), {light: lightSelect.value, page: ''}));
      table();
    });
    table();
  });
}());
