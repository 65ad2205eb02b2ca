/* The dashboard's drill-down lists, one page for all of them: ?view=approvals|mandates|follow-up|deliveries|incidents
   plus the figure's filters; paged and sorted on the server (Portal.table keeps page, size and sort in the URL). */
(function () {
  'use strict';

  var API = '/api/portal/dashboard/';
  var yes = function (flag) { return flag ? '是' : '否'; };
  var date = function (value) { return Portal.fmt.dateTime(value); };
  var klass = function (row) { return Portal.el('a', {href: Portal.link.klass(row.classId)}, row.classNumber + ' ' + row.title); };
  var cockpit = function (id) { return id ? Portal.el('a', {href: Portal.link.cockpit(id)}, 'Cockpit') : ''; };

  var VIEWS = {
    approvals: {
      title: '待审批的办班申报', filters: ['year', 'institutionId', 'band', 'overdue'], fields: ['year', 'institutionId'],
      columns: [
        {key: 'classNumber', label: '班次', sortable: true, render: klass},
        {key: 'institutionName', label: '培训机构'},
        {key: 'filedAt', label: '申报时间', sortable: true, render: function (r) { return date(r.filedAt); }},
        {key: 'ageDays', label: '已等待（天）'},
        {key: 'dueAt', label: '审批期限', sortable: true, render: function (r) { return date(r.dueAt); }},
        {key: 'overdue', label: '是否超期', render: function (r) { return r.overdueLabel; }},
        {key: 'startDate', label: '开班日期', sortable: true},
        {key: 'lateFiled', label: '不足30天申报（R13）', render: function (r) { return yes(r.lateFiled); }},
        {key: 'processInstanceId', label: '流程实例', render: function (r) { return cockpit(r.processInstanceId); }}
      ]
    },
    mandates: {
      title: '未响应的调训', filters: ['year', 'unitId', 'institutionId', 'kind', 'pastDeadline'], fields: ['year', 'unitId', 'institutionId'],
      columns: [
        {key: 'kind', label: '类型', sortable: true, render: function (r) { return r.kindLabel; }},
        {key: 'classNumber', label: '班次', sortable: true, render: klass},
        {key: 'unit', label: '单位', sortable: true, render: function (r) { return r.unitName; }},
        {key: 'cadreName', label: '点名干部', render: function (r) { return r.cadreId ? Portal.el('a', {href: Portal.link.cadre(r.cadreId)}, r.cadreNumber + ' ' + r.cadreName) : ''; }},
        {key: 'seats', label: '名额', render: function (r) { return r.seats === null || r.seats === undefined ? '' : r.seats; }},
        {key: 'deadline', label: '截止时间', sortable: true, render: function (r) { return date(r.deadline); }},
        {key: 'pastDeadline', label: '状态', render: function (r) { return r.deadlineLabel; }}
      ]
    },
    'follow-up': {
      title: '训后跟踪进度', filters: ['year', 'unitId', 'institutionId', 'overdue'], fields: ['year', 'unitId', 'institutionId'],
      columns: [
        {key: 'classNumber', label: '班次', sortable: true, render: klass},
        {key: 'institutionName', label: '培训机构'},
        {key: 'classEnd', label: '结业日期', sortable: true},
        {key: 'status', label: '状态', render: function (r) { return r.statusLabel; }},
        {key: 'seminarDueOn', label: '座谈会（期限）', sortable: true, render: function (r) { return (r.seminarsHeld > 0 ? '已举行' : r.seminarOverdue ? '逾期未举行' : '未举行') + '（' + r.seminarDueOn + '）'; }},
        {key: 'summariesOverdue', label: '学习心得 已交/总数（逾期）', sortable: true, render: function (r) { return r.summariesSubmitted + '/' + r.summariesTotal + '（' + r.summariesOverdue + '）'; }},
        {key: 'visitsOverdue', label: '单位走访 完成/总数（逾期）', sortable: true, render: function (r) { return r.visitsDone + '/' + r.visitsTotal + '（' + r.visitsOverdue + '）'; }},
        {key: 'processInstanceId', label: '流程实例', render: function (r) { return cockpit(r.processInstanceId); }}
      ]
    },
    deliveries: {
      title: '发送失败的邮件', filters: ['kind'], fields: [],
      columns: [
        {key: 'kind', label: '类型', sortable: true, render: function (r) { return r.kindLabel; }},
        {key: 'recipient', label: '收件人', sortable: true},
        {key: 'subject', label: '主题'},
        {key: 'attempts', label: '尝试次数', sortable: true},
        {key: 'lastError', label: '最后错误'},
        {key: 'lastAttemptAt', label: '最后尝试', sortable: true, render: function (r) { return date(r.lastAttemptAt); }},
        {key: 'classNumber', label: '班次 / 单位', render: function (r) { return r.classId ? Portal.el('a', {href: Portal.link.klass(r.classId)}, r.classNumber + ' ' + (r.unitName || '')) : ''; }},
        {key: 'processInstanceId', label: '流程实例', render: function (r) { return cockpit(r.processInstanceId); }}
      ]
    },
    incidents: {
      title: '流程异常', filters: ['processKey', 'activityId'], fields: [],
      columns: [
        {key: 'createdAt', label: '发生时间', sortable: true, render: function (r) { return date(r.createdAt); }},
        {key: 'processKey', label: '流程', sortable: true, render: function (r) { return r.processName || r.processKey; }},
        {key: 'activityId', label: '环节', sortable: true, render: function (r) { return r.activityName || r.activityId; }},
        {key: 'businessKey', label: '业务编号'},
        {key: 'type', label: '类型'},
        {key: 'message', label: '信息'},
        {key: 'processInstanceId', label: '流程实例', render: function (r) { return cockpit(r.processInstanceId); }}
      ]
    }
  };

  var params = Portal.params();
  var view = VIEWS[params.view];
  if (!view) {
    Portal.init({title: '明细'}).then(function () {
      document.getElementById('list').textContent = '未知的明细：' + (params.view || '（未指定）');
    });
    return;
  }
  Portal.init({title: view.title}).then(function () {
    document.getElementById('title').textContent = view.title;
    document.title = view.title + ' - 干训';
    var load = function (paging) {
      var current = Portal.params();
      var filters = {};
      view.filters.forEach(function (f) { if (current[f]) { filters[f] = current[f]; } });
      return Portal.api(API + params.view + '/list', Object.assign(filters, paging));
    };
    var table = function () {
      document.getElementById('list').textContent = '';
      Portal.table(document.getElementById('list'), {caption: view.title, columns: view.columns, load: load});
    };
    if (view.fields.length) {
      Portal.filterBar(document.getElementById('filters'), {fields: view.fields, onChange: table});
    }
    table();
  });
}());
