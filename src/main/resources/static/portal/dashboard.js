/* The manager dashboard (issue 7): every figure as a chart with its data table, each linked to the list behind it.
   Figures come from /api/portal/dashboard/… (and the class stages from /api/portal/classes/stages); the filters
   live in the URL. */
(function () {
  'use strict';

  var API = '/api/portal/dashboard';
  var FILTERS = ['year', 'unitId', 'rank', 'category', 'institutionId'];
  var LIGHTS = [
    {key: 'red', light: 'RED', label: '红灯', color: '#c62828'},
    {key: 'yellow', light: 'YELLOW', label: '黄灯', color: '#f9a825'},
    {key: 'green', light: 'GREEN', label: '绿灯', color: '#2e7d32'}
  ];
  var OPERATIONS = ['org-dept', 'org-dept-head', 'manager', 'camunda-admin'];
  var ALL_UNITS = OPERATIONS.concat(['approver']);

  function any(groups, wanted) {
    return wanted.some(function (g) { return groups.indexOf(g) >= 0; });
  }

  function pick(params, keys) {
    var out = {};
    keys.forEach(function (k) { if (params[k]) { out[k] = params[k]; } });
    return out;
  }

  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k] !== undefined && params[k] !== null && params[k] !== ''; })
      .map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
  }

  function listLink(view, params) {
    return '/portal/list.html?' + query(Object.assign({view: view}, params));
  }

  function cadresLink(params) {
    return '/portal/cadres.html?' + query(params);
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '—' : (Math.round(rate * 1000) / 10) + '%';
  }

  /** A section with heading, chart and data table; returns its parts. */
  function section(id, title) {
    var heading = Portal.el('h2', {id: 'h-' + id}, title);
    var chart = Portal.el('div', {id: 'chart-' + id, 'class': 'chart', style: 'height:320px', role: 'img',
      'aria-labelledby': 'h-' + id});
    var table = Portal.el('div', {id: 'table-' + id});
    var box = Portal.el('section', {id: 'figure-' + id, 'aria-labelledby': 'h-' + id}, heading, chart, table);
    document.getElementById('figures').appendChild(box);
    return {box: box, chart: chart, table: table};
  }

  /** An accessible data table: caption, th scope, each value optionally a link to its drill-down. */
  function dataTable(container, caption, columns, rows) {
    var head = Portal.el('tr', {}, columns.map(function (c) { return Portal.el('th', {scope: 'col'}, c.label); }));
    var body = rows.map(function (row) {
      return Portal.el('tr', {}, columns.map(function (c, i) {
        var value = c.value(row);
        var href = c.href ? c.href(row) : null;
        var content = href ? Portal.el('a', {href: href}, String(value)) : String(value);
        return i === 0 ? Portal.el('th', {scope: 'row'}, content) : Portal.el('td', {}, content);
      }));
    });
    container.textContent = '';
    container.appendChild(Portal.el('table', {'class': 'data'}, Portal.el('caption', {}, caption),
      Portal.el('thead', {}, head), Portal.el('tbody', {}, body)));
  }

  // cards keep this order whichever answer arrives first
  var CARD_ORDER = ['red', 'participation', 'pass', 'approvals', 'mandates', 'follow-up', 'deliveries', 'incidents'];

  function card(label, value, href, id) {
    var cards = document.getElementById('cards');
    var node = Portal.el('a', {'class': 'card', href: href, id: 'card-' + id, 'data-order': CARD_ORDER.indexOf(id)},
      Portal.el('span', {'class': 'value'}, String(value)), Portal.el('span', {'class': 'label'}, label));
    var after = Array.prototype.filter.call(cards.children, function (other) {
      return Number(other.getAttribute('data-order')) > CARD_ORDER.indexOf(id);
    })[0];
    cards.insertBefore(node, after || null);
  }

  function bars(categories, series, horizontal) {
    var category = {type: 'category', data: categories, axisLabel: {interval: 0, rotate: horizontal ? 0 : 30}};
    var value = {type: 'value', minInterval: 1};
    return {
      aria: {enabled: true},
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 8, right: 16, bottom: 8, top: 36, containLabel: true},
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series
    };
  }

  function message(part, text) {
    part.chart.style.display = 'none';
    part.table.textContent = '';
    part.table.appendChild(Portal.el('p', {'class': 'note'}, text));
  }

  function coverage(filters, unitIds) {
    var byUnit = section('coverage-unit', '各单位红黄绿灯（R5）');
    var byRank = section('coverage-rank', '各职级红黄绿灯（R5）');
    var rates = section('rates', '各单位参训率和合格率（R7）');
    var params = pick(filters, FILTERS.filter(function (f) { return f !== 'institutionId'; }));
    function drill(extra) { return cadresLink(Object.assign(pick(filters, ['unitId', 'rank', 'category']), extra)); }
    function lightSeries(groups) {
      return LIGHTS.map(function (l) {
        return {name: l.label, type: 'bar', stack: 'light', itemStyle: {color: l.color}, data: groups.map(function (g) { return g[l.key]; })};
      });
    }
    var unitDone = Portal.api(API + '/coverage', Object.assign({groupBy: 'unit'}, params)).then(function (summary) {
      var groups = summary.groups;
      var unitFilter = function (g) { return {unitId: unitIds[g.key], subUnits: 'false'}; };
      Portal.chart(byUnit.chart, bars(groups.map(function (g) { return g.label; }), lightSeries(groups)), {
        onClick: function (e) { location.href = drill(Object.assign(unitFilter(groups[e.dataIndex]), {light: LIGHTS[e.seriesIndex].light})); }
      });
      dataTable(byUnit.table, '各单位红黄绿灯人数（点击数字查看名单）', [
        {label: '单位', value: function (g) { return g.label; }, href: function (g) { return drill(unitFilter(g)); }}
      ].concat(LIGHTS.map(function (l) {
        return {label: l.label, value: function (g) { return g[l.key]; },
          href: function (g) { return drill(Object.assign(unitFilter(g), {light: l.light})); }};
      })).concat([{label: '在职干部', value: function (g) { return g.activeCadres; }}]), groups.concat([summary.total]).filter(Boolean));
      Portal.chart(rates.chart, bars(groups.map(function (g) { return g.label; }), [
        {name: '参训率', type: 'bar', data: groups.map(function (g) { return g.participationRate === null ? 0 : Math.round(g.participationRate * 1000) / 10; })},
        {name: '合格率', type: 'bar', data: groups.map(function (g) { return g.passRate === null ? 0 : Math.round(g.passRate * 1000) / 10; })}
      ]), {onClick: function (e) { location.href = drill(unitFilter(groups[e.dataIndex])); }});
      dataTable(rates.table, '参训率 = 近5年参训人数 ÷ 在职干部；合格率 = 合格人数 ÷ 参训人数', [
        {label: '单位', value: function (g) { return g.label; }, href: function (g) { return g.key ? drill(unitFilter(g)) : drill({}); }},
        {label: '参训人数', value: function (g) { return g.participants; }},
        {label: '参训率', value: function (g) { return percent(g.participationRate); }},
        {label: '合格人数', value: function (g) { return g.passed; }},
        {label: '合格率', value: function (g) { return percent(g.passRate); }}
      ], groups.concat([summary.total]));
      var total = summary.total;
      card('红灯干部', total.red, drill({light: 'RED'}), 'red');
      card('参训率', percent(total.participationRate), drill({}), 'participation');
      card('合格率', percent(total.passRate), drill({}), 'pass');
    }).catch(function (e) { message(byUnit, e.message); });
    var rankDone = Portal.api(API + '/coverage', Object.assign({groupBy: 'rank'}, params)).then(function (summary) {
      var groups = summary.groups;
      Portal.chart(byRank.chart, bars(groups.map(function (g) { return g.label; }), lightSeries(groups), true), {
        onClick: function (e) { location.href = drill({rank: groups[e.dataIndex].key, light: LIGHTS[e.seriesIndex].light}); }
      });
      dataTable(byRank.table, '各职级红黄绿灯人数', [
        {label: '职级', value: function (g) { return g.label; }, href: function (g) { return drill({rank: g.key}); }}
      ].concat(LIGHTS.map(function (l) {
        return {label: l.label, value: function (g) { return g[l.key]; }, href: function (g) { return drill({rank: g.key, light: l.light}); }};
      })), groups);
    }).catch(function (e) { message(byRank, e.message); });
    return Promise.all([unitDone, rankDone]);
  }

  function stages(filters) {
    var part = section('stages', '各阶段班次');
    return Portal.apiQuiet('/api/portal/classes/stages', pick(filters, ['year', 'institutionId', 'unitId'])).then(function (answer) {
      var rows = answer.stages || [];
      Portal.chart(part.chart, bars(rows.map(function (s) { return s.label; }), [{name: '班次数', type: 'bar', data: rows.map(function (s) { return s.count; })}]), {
        onClick: function (e) { location.href = Portal.link.classes(Object.assign(pick(filters, ['year', 'institutionId', 'unitId']), {stage: rows[e.dataIndex].stage})); }
      });
      dataTable(part.table, '各阶段班次数', [
        {label: '阶段', value: function (s) { return s.label; }},
        {label: '班次数', value: function (s) { return s.count; },
          href: function (s) { return Portal.link.classes(Object.assign(pick(filters, ['year', 'institutionId', 'unitId']), {stage: s.stage})); }}
      ], rows);
    }).catch(function () { message(part, '班次阶段统计暂不可用。'); });
  }

  function approvals(filters) {
    var part = section('approvals', '待审批的办班申报（按已等待天数）');
    var params = pick(filters, ['year', 'institutionId']);
    return Portal.api(API + '/approvals', params).then(function (f) {
      Portal.chart(part.chart, bars(f.bands.map(function (b) { return b.label; }), [
        {name: '待审批', type: 'bar', data: f.bands.map(function (b) { return b.pending; })},
        {name: '已超期', type: 'bar', itemStyle: {color: '#c62828'}, data: f.bands.map(function (b) { return b.overdue; })}
      ]), {onClick: function (e) {
        location.href = listLink('approvals', Object.assign({band: f.bands[e.dataIndex].band}, e.seriesIndex === 1 ? {overdue: 'true'} : {}, params));
      }});
      dataTable(part.table, '待审批 ' + f.pending + ' 件，超过审批期限 ' + f.overdue + ' 件；申报时距开班不足30天（R13）'
        + f.lateFiled + ' 件，30天内开班仍待审批 ' + f.startingWithin30Days + ' 件', [
        {label: '已等待', value: function (b) { return b.label; }},
        {label: '待审批', value: function (b) { return b.pending; }, href: function (b) { return listLink('approvals', Object.assign({band: b.band}, params)); }},
        {label: '已超期', value: function (b) { return b.overdue; }, href: function (b) { return listLink('approvals', Object.assign({band: b.band, overdue: 'true'}, params)); }}
      ], f.bands);
      card('待审批（已超期）', f.pending + '（' + f.overdue + '）', listLink('approvals', params), 'approvals');
    }).catch(function (e) { message(part, e.message); });
  }

  function mandates(filters) {
    var part = section('mandates', '各单位未响应的调训');
    var params = pick(filters, ['year', 'unitId', 'institutionId']);
    return Portal.api(API + '/mandates', params).then(function (f) {
      var units = f.units;
      var unitParams = function (u) { return Object.assign({}, params, {unitId: u.unitId}); };
      Portal.chart(part.chart, bars(units.map(function (u) { return u.unitName; }), [
        {name: '已过截止时间', type: 'bar', stack: 'm', itemStyle: {color: '#c62828'}, data: units.map(function (u) { return u.pastDeadline; })},
        {name: '未到截止时间', type: 'bar', stack: 'm', itemStyle: {color: '#1565c0'}, data: units.map(function (u) { return u.beforeDeadline; })}
      ], true), {onClick: function (e) {
        location.href = listLink('mandates', Object.assign(unitParams(units[e.dataIndex]), {pastDeadline: e.seriesIndex === 0 ? 'true' : 'false'}));
      }});
      dataTable(part.table, '名额分配未推荐和点名调训未确认（R8、R9）', [
        {label: '单位', value: function (u) { return u.unitName; }, href: function (u) { return listLink('mandates', unitParams(u)); }},
        {label: '已过截止时间', value: function (u) { return u.pastDeadline; }, href: function (u) { return listLink('mandates', Object.assign(unitParams(u), {pastDeadline: 'true'})); }},
        {label: '未到截止时间', value: function (u) { return u.beforeDeadline; }, href: function (u) { return listLink('mandates', Object.assign(unitParams(u), {pastDeadline: 'false'})); }}
      ], units);
      card('调训已过截止未响应', f.pastDeadline, listLink('mandates', Object.assign({pastDeadline: 'true'}, params)), 'mandates');
    }).catch(function (e) { message(part, e.message); });
  }

  function followUp(filters) {
    var part = section('follow-up', '训后跟踪进度（R26、R27）');
    var params = pick(filters, ['year', 'unitId', 'institutionId']);
    return Portal.api(API + '/follow-up', params).then(function (f) {
      var kinds = [f.seminars, f.summaries, f.visits];
      Portal.chart(part.chart, bars(kinds.map(function (k) { return k.label; }), [
        {name: '已完成', type: 'bar', itemStyle: {color: '#2e7d32'}, data: kinds.map(function (k) { return k.done; })},
        {name: '已到期应完成', type: 'bar', itemStyle: {color: '#1565c0'}, data: kinds.map(function (k) { return k.due; })},
        {name: '逾期', type: 'bar', itemStyle: {color: '#c62828'}, data: kinds.map(function (k) { return k.overdue; })}
      ]), {onClick: function (e) { location.href = listLink('follow-up', Object.assign(e.seriesIndex === 2 ? {overdue: 'true'} : {}, params)); }});
      dataTable(part.table, f.followUps + ' 个班次的训后跟踪', [
        {label: '事项', value: function (k) { return k.label; }},
        {label: '已完成', value: function (k) { return k.done; }, href: function () { return listLink('follow-up', params); }},
        {label: '总数', value: function (k) { return k.total; }},
        {label: '已到期应完成', value: function (k) { return k.due; }},
        {label: '逾期', value: function (k) { return k.overdue; }, href: function () { return listLink('follow-up', Object.assign({overdue: 'true'}, params)); }}
      ], kinds);
      card('训后跟踪逾期事项', f.seminars.overdue + f.summaries.overdue + f.visits.overdue,
        listLink('follow-up', Object.assign({overdue: 'true'}, params)), 'follow-up');
    }).catch(function (e) { message(part, e.message); });
  }

  function operations() {
    var mail = section('deliveries', '发送失败的邮件');
    var faults = section('incidents', '流程异常');
    var mailDone = Portal.api(API + '/deliveries').then(function (f) {
      Portal.chart(mail.chart, bars(f.kinds.map(function (k) { return k.label; }), [{name: '发送失败', type: 'bar', itemStyle: {color: '#c62828'}, data: f.kinds.map(function (k) { return k.failed; })}], true),
        {onClick: function (e) { location.href = listLink('deliveries', {kind: f.kinds[e.dataIndex].kind}); }});
      dataTable(mail.table, '最后一次发送失败的邮件，共 ' + f.failed + ' 封', [
        {label: '类型', value: function (k) { return k.label; }},
        {label: '封数', value: function (k) { return k.failed; }, href: function (k) { return listLink('deliveries', {kind: k.kind}); }},
        {label: '最近一次尝试', value: function (k) { return Portal.fmt.dateTime(k.lastAttemptAt); }}
      ], f.kinds);
      card('发送失败', f.failed, listLink('deliveries', {}), 'deliveries');
    }).catch(function (e) { message(mail, e.message); });
    var faultDone = Portal.api(API + '/incidents').then(function (f) {
      var label = function (a) { return (a.processName || a.processKey) + ' · ' + (a.activityName || a.activityId); };
      var drill = function (a) { return listLink('incidents', {processKey: a.processKey, activityId: a.activityId}); };
      Portal.chart(faults.chart, bars(f.activities.map(label), [{name: '异常', type: 'bar', itemStyle: {color: '#6a1b9a'}, data: f.activities.map(function (a) { return a.incidents; })}], true),
        {onClick: function (e) { location.href = drill(f.activities[e.dataIndex]); }});
      dataTable(faults.table, '未解决的流程异常，共 ' + f.incidents + ' 个', [
        {label: '流程 · 环节', value: label},
        {label: '异常数', value: function (a) { return a.incidents; }, href: drill},
        {label: '最早发生', value: function (a) { return Portal.fmt.dateTime(a.oldest); }}
      ], f.activities);
      card('流程异常', f.incidents, listLink('incidents', {}), 'incidents');
    }).catch(function (e) { message(faults, e.message); });
    return Promise.all([mailDone, faultDone]);
  }

  function render(me) {
    var filters = Portal.params();
    document.getElementById('cards').textContent = '';
    document.getElementById('figures').textContent = '';
    var groups = me.groups || [];
    return Portal.api('/api/units').then(function (units) {
      var ids = {};
      units.forEach(function (u) { ids[u.code] = u.id; });
      var work = [coverage(filters, ids), stages(filters), mandates(filters), followUp(filters)];
      if (any(groups, ALL_UNITS)) { work.push(approvals(filters)); }
      if (any(groups, OPERATIONS)) { work.push(operations()); }
      return Promise.all(work);
    }).then(function () { document.body.setAttribute('data-loaded', 'true'); });
  }

  Portal.init({title: '管理看板'}).then(function (me) {
    Portal.filterBar(document.getElementById('filters'), {fields: FILTERS, onChange: function () { render(me); }});
    return render(me);
  });
}());
