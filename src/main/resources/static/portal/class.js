/* 班次页：申报与审批、流程图（bpmn-js，当前环节高亮）、名单与调训状态、考勤、考核与证书、训后跟踪与结果反馈。 */
(function () {
  'use strict';

  var el = function () { return Portal.el.apply(Portal, arguments); };
  var MARKS = {PRESENT: '出勤', LATE: '迟到', ON_LEAVE: '请假', ABSENT: '缺勤'};
  var ENROLLMENT = {ENROLLED: '在册', COMPLETED: '已结业', INCOMPLETE: '未完成', WITHDRAWN: '已退出'};
  var ROUTES = {NAMED: '点名调训', QUOTA: '名额分配'};
  var ALLOCATION = {OPEN: '待推荐', NOMINATED: '已推荐', CONFIRMED: '已确认', REASSIGNED: '已改配', LEFT_EMPTY: '空缺'};
  var SUMMARY = {DUE: '待提交', SUBMITTED: '已提交', MISSING: '未交'};
  var DELIVERY = {PENDING: '待发送', SENT: '已送达', FAILED: '发送失败'};

  function text(value) { return value === null || value === undefined || value === '' ? '—' : String(value); }
  function date(value) { return value ? Portal.fmt.date(value) : '—'; }

  function cadreLink(id, name) {
    return el('a', {href: Portal.link.cadre(id), 'class': 'cadre-link'}, name);
  }

  /** An accessible table: caption, column headers with scope, the first cell of each row as its row header. */
  function table(caption, columns, rows) {
    if (!rows || rows.length === 0) {
      return el('p', {'class': 'empty'}, caption + '：暂无');
    }
    var head = el('tr', {});
    columns.forEach(function (c) { head.appendChild(el('th', {scope: 'col'}, c.label)); });
    var body = el('tbody', {});
    rows.forEach(function (row) {
      var tr = el('tr', {});
      columns.forEach(function (c, i) {
        var value = c.render ? c.render(row) : text(row[c.key]);
        tr.appendChild(el(i === 0 ? 'th' : 'td', i === 0 ? {scope: 'row'} : {}, value));
      });
      body.appendChild(tr);
    });
    return el('div', {'class': 'table-scroll'},
      el('table', {}, el('caption', {}, caption), el('thead', {}, head), body));
  }

  function facts(pairs) {
    var dl = el('dl', {'class': 'facts'});
    pairs.forEach(function (p) { dl.appendChild(el('dt', {}, p[0])); dl.appendChild(el('dd', {}, text(p[1]))); });
    return dl;
  }

  function body(id) {
    var container = document.querySelector('#' + id + ' .body');
    container.innerHTML = '';
    return container;
  }

  function failed(id, error) {
    body(id).appendChild(el('p', {'class': 'status', role: 'alert'}, '加载失败：' + error.message));
  }

  function filing(c) {
    document.getElementById('class-title').textContent = c.title + '（' + c.classNumber + '）';
    document.title = c.title + ' - 干训系统';
    if (c.traineeView === 'OWN_UNIT') {
      var note = document.getElementById('trainee-view');
      note.hidden = false;
      note.textContent = '您只能看到本单位（含下属单位）的学员；其他单位的学员不显示，各部分注明了未显示的人数。';
    }
    var b = body('filing');
    b.appendChild(facts([
      ['阶段', c.stageLabel], ['培训机构', c.institution], ['班次类型', c.classTypeLabel], ['主题', c.topic],
      ['培训时间', date(c.startDate) + ' 至 ' + date(c.endDate)], ['脱产', c.offJob ? '是' : '否'],
      ['计划人数', c.plannedParticipants], ['参训人数', c.enrolled], ['调训方式', c.dispatchModeLabel],
      ['申报状态', c.statusLabel + '（第 ' + c.revision + ' 版）'], ['申报人', c.filedBy],
      ['总课时', c.totalHours], ['逾期申报特批理由', c.lateFilingOverride]
    ]));
    var categories = {};
    c.hoursByCategory.forEach(function (h) { categories[h.category] = h.label; });
    b.appendChild(table('课程', [
      {key: 'title', label: '课程'}, {key: 'hours', label: '课时'},
      {key: 'category', label: '类别', render: function (course) { return categories[course.category] || course.category; }}
    ], c.courses));
    b.appendChild(table('各类课时（R15：党的理论与党性教育课程不少于70%）', [
      {key: 'label', label: '类别'}, {key: 'hours', label: '课时'},
      {key: 'share', label: '占比', render: function (r) { return (r.share * 100).toFixed(1) + '%'; }}
    ], c.hoursByCategory));
    b.appendChild(table('申报规则检查结果', [
      {key: 'ruleId', label: '规则'}, {key: 'message', label: '结果'}, {key: 'consequence', label: '处理'}
    ], c.findings));
    b.appendChild(table('审批记录', [
      {key: 'at', label: '时间', render: function (r) { return Portal.fmt.date(r.at); }},
      {key: 'action', label: '操作'}, {key: 'actor', label: '操作人'}, {key: 'remark', label: '意见'},
      {key: 'overrideReason', label: '特批理由'}
    ], c.history));
    var staff = Object.keys(c.staff || {}).map(function (role) { return {role: role, users: c.staff[role].join('、')}; });
    b.appendChild(table('班级工作人员', [{key: 'role', label: '职责'}, {key: 'users', label: '人员'}], staff));
  }

  function diagram(d) {
    var b = body('process');
    b.appendChild(el('p', {}, '流程实例：',
      el('a', {href: Portal.link.cockpit(d.processInstanceId), id: 'cockpit-link'}, '在 Cockpit 中查看 ' + d.processInstanceId),
      d.ended ? '（已结束）' : ''));
    var current = el('p', {id: 'current-activities'}, '当前环节：' + (d.activeActivityIds.length ? d.activeActivityIds.join('、') : '无'));
    b.appendChild(current);
    b.appendChild(table('正在调用的子流程', [
      {key: 'name', label: '子流程'}, {key: 'activeActivityIds', label: '当前环节', render: function (r) {
        return r.activeActivityIds.join('、');
      }},
      {key: 'processInstanceId', label: '实例', render: function (r) {
        return el('a', {href: Portal.link.cockpit(r.processInstanceId)}, '在 Cockpit 中查看');
      }}
    ], d.calledProcesses));
    var viewer = new BpmnJS({container: '#diagram'});
    return viewer.importXML(d.bpmnXml).then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      var registry = viewer.get('elementRegistry');
      d.activeActivityIds.forEach(function (id) { canvas.addMarker(id, 'highlight'); });
      if (d.activeActivityIds.length) {
        current.textContent = '当前环节：' + d.activeActivityIds.map(function (id) {
          var element = registry.get(id);
          return element && element.businessObject.name ? element.businessObject.name : id;
        }).join('、');
      }
      document.getElementById('diagram').setAttribute('data-rendered', 'true');
    });
  }

  function hidden(section, n) {
    if (n > 0) {
      document.querySelector('#' + section + ' .body')
        .appendChild(el('p', {'class': 'note'}, '另有 ' + n + ' 名其他单位学员未显示。'));
    }
  }

  function roster(r) {
    var b = body('roster');
    b.appendChild(table('参训学员', [
      {key: 'name', label: '学员', render: function (t) { return cadreLink(t.cadreId, t.name + '（' + t.cadreNumber + '）'); }},
      {key: 'unitName', label: '单位'},
      {key: 'route', label: '调训方式', render: function (t) { return ROUTES[t.route] || '—'; }},
      {key: 'nominated', label: '推荐', render: function (t) { return t.nominated ? (t.needsOverride ? '待特批' : '有效') : '—'; }},
      {key: 'enrollmentStatus', label: '报名', render: function (t) { return ENROLLMENT[t.enrollmentStatus] || '—'; }}
    ], r.trainees));
    b.appendChild(table('点名调训', [
      {key: 'cadreName', label: '干部', render: function (m) { return cadreLink(m.cadreId, m.cadreName + '（' + m.cadreNumber + '）'); }},
      {key: 'unitName', label: '单位'}, {key: 'statusLabel', label: '状态'},
      {key: 'substituted', label: '替换', render: function (m) { return m.substituted ? '已替换：' + text(m.substitutionReason) : '—'; }},
      {key: 'deadline', label: '确认截止', render: function (m) { return date(m.deadline); }}
    ], r.mandates));
    b.appendChild(table('名额分配', [
      {key: 'unitName', label: '单位'}, {key: 'seats', label: '名额'}, {key: 'seatsUsed', label: '已推荐'},
      {key: 'status', label: '状态', render: function (a) { return ALLOCATION[a.status] || a.status; }},
      {key: 'deadline', label: '推荐截止', render: function (a) { return date(a.deadline); }}
    ], r.allocations));
    hidden('roster', r.hiddenTrainees);
  }

  function attendance(a) {
    var columns = [{key: 'name', label: '学员', render: function (t) { return cadreLink(t.cadreId, t.name); }},
      {key: 'unitName', label: '单位'}];
    a.sessions.forEach(function (s) {
      var period = {MORNING: '上午', AFTERNOON: '下午', EVENING: '晚上'}[s.period] || s.period;
      columns.push({key: 's' + s.id, label: Portal.fmt.date(s.sessionDate) + period, render: function (t) {
        var mark = t.marks[s.id];
        return mark ? el('span', {'class': 'mark-' + mark}, MARKS[mark]) : '—';
      }});
    });
    columns.push({key: 'absences', label: '缺勤次数'});
    body('attendance').appendChild(table('考勤表（场次 × 学员，当前标记）', columns, a.trainees));
    hidden('attendance', a.hiddenTrainees);
  }

  function assessment(a) {
    var b = body('assessment');
    b.appendChild(table('考核结果（R18–R20）', [
      {key: 'rank', label: '名次'},
      {key: 'name', label: '学员', render: function (r) { return cadreLink(r.cadreId, r.name + '（' + r.cadreNumber + '）'); }},
      {key: 'attendancePoints', label: '考勤得分'}, {key: 'teacherTotal', label: '班主任评分'},
      {key: 'lecturerAverage', label: '任课教师评分'}, {key: 'liaisonAverage', label: '联络员评分'},
      {key: 'peerAverage', label: '学员互评'}, {key: 'result', label: '总评'}, {key: 'gradeLabel', label: '等次'},
      {key: 'excellentCandidate', label: '优秀学员人选', render: function (r) { return r.excellentCandidate ? '是' : '否'; }},
      {key: 'confirmed', label: '已确认', render: function (r) { return r.confirmed ? '是' : '否'; }}
    ], a.results));
    b.appendChild(table('结业证书（R21）', [
      {key: 'certificateNumber', label: '证书编号'},
      {key: 'cadreName', label: '学员', render: function (c) { return cadreLink(c.cadreId, c.cadreName); }},
      {key: 'statusLabel', label: '状态'}, {key: 'issuedAt', label: '颁发日期', render: function (c) { return date(c.issuedAt); }},
      {key: 'revokeReason', label: '撤销原因'}
    ], a.certificates));
    hidden('assessment', a.hiddenTrainees);
  }

  function followUp(f) {
    var b = body('follow-up');
    if (!f.followUp) {
      b.appendChild(el('p', {}, '训后跟踪尚未开始。'));
    } else {
      var u = f.followUp;
      b.appendChild(facts([
        ['状态', u.status === 'OPEN' ? '跟踪中' : '已结束'], ['跟踪期限', date(u.startsOn) + ' 至 ' + date(u.endsOn)],
        ['座谈会截止（R26）', date(u.seminarDueOn)], ['学习心得截止（R26）', date(u.summariesDueOn)],
        ['走访截止（R27）', date(u.visitsDueOn)]
      ]));
      b.appendChild(table('座谈会', [
        {key: 'heldOn', label: '日期', render: function (s) { return date(s.heldOn); }},
        {key: 'place', label: '地点'}, {key: 'attendees', label: '参加人员'}
      ], f.seminars));
      b.appendChild(table('学习心得', [
        {key: 'cadreName', label: '学员', render: function (s) { return cadreLink(s.cadreId, s.cadreName); }},
        {key: 'unitName', label: '单位'}, {key: 'status', label: '状态', render: function (s) { return SUMMARY[s.status] || s.status; }}
      ], f.summaries));
      b.appendChild(table('走访', [
        {key: 'cadreName', label: '学员', render: function (v) { return cadreLink(v.cadreId, v.cadreName); }},
        {key: 'unitName', label: '单位'}, {key: 'status', label: '状态'},
        {key: 'dueOn', label: '截止', render: function (v) { return date(v.dueOn); }}, {key: 'interviews', label: '访谈次数'}
      ], f.visits));
      b.appendChild(table('半年反馈报告（R28）', [
        {key: 'periodNo', label: '期次'}, {key: 'periodEndsOn', label: '截至', render: function (r) { return date(r.periodEndsOn); }},
        {key: 'status', label: '状态', render: function (r) { return r.status === 'PUBLISHED' ? '已发布' : '草稿'; }}
      ], f.reports));
    }
    if (f.deliveriesShown) {
      b.appendChild(table('结果反馈送达（R30）', [
        {key: 'unitName', label: '单位'}, {key: 'occasionLabel', label: '反馈'}, {key: 'recipientRoleLabel', label: '收件人'},
        {key: 'status', label: '状态', render: function (d) { return DELIVERY[d.status] || d.status; }},
        {key: 'attempts', label: '发送次数'}
      ], f.deliveries));
    }
    hidden('follow-up', f.hiddenTrainees);
  }

  Portal.init({title: '班次'}).then(function () {
    var id = Portal.params().id;
    var base = '/api/portal/classes/' + encodeURIComponent(id);
    Portal.api(base).then(filing, function (e) { failed('filing', e); });
    Portal.apiQuiet(base + '/diagram').then(diagram, function (e) { failed('process', e); });
    Portal.api(base + '/roster').then(roster, function (e) { failed('roster', e); });
    Portal.api(base + '/attendance').then(attendance, function (e) { failed('attendance', e); });
    Portal.api(base + '/assessment').then(assessment, function (e) { failed('assessment', e); });
    Portal.api(base + '/follow-up').then(followUp, function (e) { failed('follow-up', e); });
  });
}());
