/* The cadre page: the training archive (R3a, R34, R35) with ECharts growth curve and ability radar, data tables kept. */
(function () {
  'use strict';
  var GRADES = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' };
  var STATUS = { ENROLLED: '在训', COMPLETED: '结业', INCOMPLETE: '未完成', WITHDRAWN: '已退出' };
  var $ = function (id) { return document.getElementById(id); };
  var el = function () { return Portal.el.apply(Portal, arguments); };

  function show(v) { return v === null || v === undefined || v === '' ? '—' : String(v); }

  function row(body, cells) {
    var tr = el('tr', {});
    cells.forEach(function (value, i) {
      tr.appendChild(el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {},
        value instanceof Node ? value : show(value)));
    });
    body.appendChild(tr);
  }

  function growthChart(years) {
    Portal.chart($('growthChart'), {
      title: { text: years.length ? '成长曲线' : '暂无已结业的培训', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { data: ['学时', '学分'], bottom: 0 },
      xAxis: { type: 'category', data: years.map(function (y) { return String(y.year); }) },
      yAxis: [{ type: 'value', name: '学时' }, { type: 'value', name: '学分' }],
      series: [
        { name: '学时', type: 'bar', data: years.map(function (y) { return y.hours; }), itemStyle: { color: '#2f5f8f' } },
        { name: '学分', type: 'line', yAxisIndex: 1, data: years.map(function (y) { return y.credits; }),
          itemStyle: { color: '#a3341f' } }
      ]
    });
  }

  function abilityChart(dimensions) {
    Portal.chart($('abilityChart'), {
      title: { text: '能力图谱', left: 'center', textStyle: { fontSize: 14 } },
      tooltip: {},
      radar: { center: ['50%', '58%'], radius: '62%', indicator: dimensions.map(function (d) { return { name: d.label, max: 100 }; }) },
      series: [{ type: 'radar', name: '能力图谱', data: [{ name: '得分', value: dimensions.map(function (d) {
        return d.score === null || d.score === undefined ? 0 : d.score; }) }], areaStyle: { opacity: 0.3 } }]
    });
  }

  function render(a) {
    var c = a.cadre;
    $('who').textContent = c.name + '（' + c.cadreNumber + '）的培训档案';
    $('summary').textContent = c.unitName + '，' + show(c.post) + '，' + c.rankLabel + (c.status === 'RETIRED' ? '，已退休' : '');
    $('reserve').textContent = a.reservePool.candidate
      ? '储备库（R35）：优秀学员候选人，' + a.reservePool.classes.map(function (k) {
          return k.title + '（' + k.classNumber + '，第' + show(k.classRank) + '名）'; }).join('；')
      : '储备库（R35）：尚无优秀学员候选记录。';
    var g = $('growthRows');
    a.growth.forEach(function (y) { row(g, [y.year, y.classes, y.hours, y.credits, y.averageResult]); });
    var ab = $('abilityRows');
    a.abilityMap.dimensions.forEach(function (d) {
      row(ab, [d.label, d.score === null || d.score === undefined ? '无数据' : d.score, d.indicators, d.observations]);
    });
    $('method').textContent = '计算方法：' + a.abilityMap.method;
    var t = $('trainingRows');
    a.trainings.forEach(function (k) {
      var name = k.title + '（' + k.classNumber + '）' + (k.appointmentTraining ? ' · 任职培训' : '') + (k.excellentCandidate ? ' ★' : '');
      row(t, [el('a', { href: Portal.link.klass(k.classId), 'class': 'class-link' }, name),
        k.startDate + ' 至 ' + k.endDate, k.institution, STATUS[k.status] || k.status, k.hours, k.credits,
        GRADES[k.grade] || k.grade, (k.result === null || k.result === undefined) ? '—' : k.result + ' / 第' + k.classRank + '名',
        k.certificateNumber, (k.followUpScore === null || k.followUpScore === undefined) ? '—'
          : k.followUpScore + (k.followUpFindings ? '：' + k.followUpFindings : '')]);
    });
    var p = $('promotionRows');
    a.promotions.forEach(function (m) {
      row(p, [m.effectiveOn, show(m.post) + '（' + m.toRank + '）', '至 ' + m.windowEndsOn, m.statusLabel,
        m.trainedClassTitle ? '已参加：' + m.trainedClassTitle : (m.probationEndsOn ? '试用期延至 ' + m.probationEndsOn + '：'
          + show(m.decisionReason) : show(m.decisionReason))]);
    });
    $('archive').hidden = false;
    growthChart(a.growth);
    abilityChart(a.abilityMap.dimensions);
  }

  function pdfLinks(id) {
    var year = $('year').value || String(new Date().getFullYear());
    $('approvalPdf').href = '/api/cadres/' + id + '/forms/appointment-approval.pdf';
    $('appraisalPdf').href = '/api/cadres/' + id + '/forms/annual-appraisal.pdf?year=' + encodeURIComponent(year);
  }

  function figures(id) {
    Portal.api('/api/coverage/cadres/' + id).then(function (light) {
      $('coverage-light').textContent = light.lightLabel;
      $('coverage-reason').textContent = '近5年应训（R5、R6）：' + light.reason;
    }, function () { $('coverage').hidden = true; });
    var year = new Date().getFullYear();
    Portal.api('/api/cadres/' + id + '/credits/standing', { year: year }).then(function (s) {
      $('credits-value').textContent = String(s.available);
      $('credits-label').textContent = year + '年可用学分（R23：应达60）' + (s.passed ? '，合格' : '，未达标');
    }, function () { $('credits').hidden = true; });
  }

  Portal.init({ title: '干部培训档案' }).then(function (me) {
    var id = Portal.params().id || (me.cadreId ? String(me.cadreId) : '');
    $('pick').addEventListener('submit', function (event) {
      event.preventDefault();
      window.location.href = Portal.link.cadre($('cadreId').value);
    });
    if (!id) {
      $('pick').hidden = false;
      return;
    }
    $('year').addEventListener('change', function () { pdfLinks(id); });
    Portal.api('/api/cadres/' + encodeURIComponent(id) + '/archive').then(function (a) {
      render(a);
      pdfLinks(id);
      figures(id);
    });
  });
})();
