/* Unit HR view of one unit (and the units below it): cadres with light and hours, open nominations, feedback. */
(function () {
  'use strict';
  var el = function () { return Portal.el.apply(Portal, arguments); };
  var LIGHTS = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯' };

  function text(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  function simpleTable(caption, headers, rows) {
    var head = el('tr', {});
    headers.forEach(function (h) { head.appendChild(el('th', { scope: 'col' }, h)); });
    var body = el('tbody', {});
    rows.forEach(function (cells) {
      var tr = el('tr', {});
      cells.forEach(function (cell, i) {
        tr.appendChild(el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {},
          cell instanceof Node ? cell : text(cell)));
      });
      body.appendChild(tr);
    });
    if (!rows.length) {
      body.appendChild(el('tr', {}, el('td', { colspan: String(headers.length) }, '暂无')));
    }
    return el('table', { 'class': 'data' }, el('caption', {}, caption), el('thead', {}, head), body);
  }

  function deadline(item) {
    return el('span', { 'class': item.overdue ? 'due overdue' : 'due' },
      Portal.fmt.dateTime(item.deadline) + (item.overdue ? '（已逾期）' : ''));
  }

  function nominations(container, answer) {
    container.textContent = '';
    container.appendChild(simpleTable('待推荐的调训名额', ['班次', '单位', '名额', '已推荐', '尚余', '截止时间'],
      answer.allocations.map(function (a) {
        return [el('a', { href: Portal.link.klass(a.classId) }, a.classTitle + '（' + a.classNumber + '）'),
          a.unit.name, a.seats, a.seatsUsed, a.seatsOpen, deadline(a)];
      })));
    container.appendChild(simpleTable('待确认的点名调训', ['干部', '班次', '状态', '截止时间'],
      answer.mandates.map(function (m) {
        return [el('a', { href: Portal.link.cadre(m.cadreId) }, m.cadreName + '（' + m.cadreNumber + '）'),
          el('a', { href: Portal.link.klass(m.classId) }, m.classTitle + '（' + m.classNumber + '）'),
          m.statusLabel, deadline(m)];
      })));
  }

  function feedback(container, answer) {
    container.textContent = '';
    container.appendChild(simpleTable('结果反馈报告', ['班次', '单位', '反馈', '送达情况', '报告'],
      answer.items.map(function (f) {
        var delivered = f.recipients.length ? f.recipients.map(function (r) {
          return r.roleLabel + '：' + (r.status === 'SENT' ? '已送达' : r.status === 'FAILED' ? '发送失败' : '待发送');
        }).join('；') : '待发送';
        return [el('a', { href: Portal.link.klass(f.classId) }, f.classTitle + '（' + f.classNumber + '）'),
          f.unit.name, f.occasionLabel, delivered, el('a', { href: f.pdf }, 'PDF')];
      })));
  }

  Portal.init({ title: '本单位' }).then(function (me) {
    var unitId = Portal.params().unitId || me.unitId;
    if (!unitId) {
      document.getElementById('unit-title').textContent = '请在地址中指定单位（unitId）';
      return;
    }
    var base = '/api/portal/units/' + encodeURIComponent(unitId);
    Portal.api(base + '/nominations').then(function (answer) {
      document.getElementById('unit-title').textContent = answer.unit.name + '（' + answer.unit.code + '）';
      nominations(document.getElementById('nomination-lists'), answer);
      var cadres = Portal.table(document.getElementById('cadre-table'), {
        caption: '在职干部（红灯在前）',
        columns: [
          { key: 'cadreNumber', label: '干部编号', sortable: true },
          { key: 'name', label: '姓名', sortable: true, render: function (c) {
            return el('a', { href: Portal.link.cadre(c.cadreId), 'class': 'cadre-link' }, c.name);
          } },
          { key: 'unit', label: '单位', sortable: true, render: function (c) { return c.unit.name; } },
          { key: 'rank', label: '职级', sortable: true, render: function (c) { return c.rankLabel; } },
          { key: 'light', label: '灯', sortable: true, render: function (c) {
            return el('span', { 'class': 'light-' + c.light }, c.lightLabel || LIGHTS[c.light]);
          } },
          { key: 'partyHours', label: '党性教育学时', sortable: true },
          { key: 'totalHours', label: '近5年学时', sortable: true },
          { key: 'shortfall', label: '尚差学时', sortable: true },
          { key: 'reason', label: '原因' }
        ],
        load: function (params) {
          return Portal.api(base + '/cadres', { page: params.page, size: params.size, sort: params.sort,
            light: params.light, rank: params.rank, category: params.category });
        }
      });
      Portal.filterBar(document.getElementById('cadre-filter'), {
        fields: ['light', 'rank', 'category'], onChange: function () { cadres.reload(); }
      });
      Portal.api(base + '/feedback').then(function (answer) {
        feedback(document.getElementById('feedback-list'), answer);
      });
    });
  });
})();
