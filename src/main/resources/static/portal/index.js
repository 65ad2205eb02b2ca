/* Portal home: the role's figures as cards linking to their lists, and the caller's open tasks (overdue first). */
(function () {
  'use strict';
  var el = function () { return Portal.el.apply(Portal, arguments); };

  function dateTime(value) {
    return value ? Portal.fmt.dateTime(value) : '—';
  }

  function figures(container, answer) {
    container.textContent = '';
    answer.figures.forEach(function (f) {
      var value = f.value === null || f.value === undefined ? '进入' : String(f.value);
      var light = f.key.indexOf('coverage.') === 0 ? ' ' + f.key.substring('coverage.'.length) : '';
      container.appendChild(el('a', { 'class': 'card' + light, href: f.link, 'data-key': f.key },
        el('span', { 'class': 'value' }, value),
        el('span', { 'class': 'label' }, f.label)));
    });
    container.setAttribute('aria-busy', 'false');
  }

  function due(task) {
    if (!task.due) {
      return '—';
    }
    return el('span', { 'class': task.overdue ? 'due overdue' : 'due' },
      dateTime(task.due) + (task.overdue ? '（已逾期）' : ''));
  }

  Portal.init({ title: '首页' }).then(function () {
    Portal.api('/api/portal/home/figures').then(function (answer) {
      figures(document.getElementById('figures'), answer);
    });
    Portal.table(document.getElementById('task-table'), {
      caption: '我的待办任务',
      columns: [
        { key: 'name', label: '任务', render: function (t) {
          return el('a', { href: Portal.link.task(t.id), 'class': 'task-link' }, t.name || '（未命名任务）');
        } },
        { key: 'processName', label: '流程', render: function (t) { return t.processName || '—'; } },
        { key: 'businessKey', label: '业务编号', render: function (t) { return t.businessKey || '—'; } },
        { key: 'due', label: '到期时间', render: due },
        { key: 'created', label: '创建时间', render: function (t) { return dateTime(t.created); } },
        { key: 'priority', label: '优先级' }
      ],
      load: function (params) {
        return Portal.api('/api/portal/home/tasks', { page: params.page, size: params.size });
      }
    });
  });
})();
