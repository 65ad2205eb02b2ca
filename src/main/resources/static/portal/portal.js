// The portal's shared script: header and navigation by role, JSON calls with the session (and CSRF token),
// filters and paging kept in the URL, accessible server-paged tables, ECharts charts, and links between pages.
// Pages load it first, then their own script; it defines the global `Portal`.
(function (global) {
  'use strict';

  var CSRF_COOKIE = 'GANXUN-XSRF';
  var CSRF_HEADER = 'X-GANXUN-XSRF';
  var LOGIN = '/portal/login.html';

  var FILTER_LABELS = {
    year: '年度', unitId: '单位', rank: '职级', category: '干部类别', institutionId: '培训机构', light: '红黄绿灯'
  };
  // ranks, categories and lights with their labels, from /api/portal/vocabulary (loaded by init)
  var vocabulary = {ranks: [], categories: [], lights: []};

  function labelOf(list, value) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].value === value) {
        return list[i].label;
      }
    }
    return value || '';
  }

  // ---- DOM --------------------------------------------------------------------------------------------------------

  /** el('a', {href: '/x', class: 'card'}, 'text', childNode, …): attributes starting with "on" become listeners. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key.indexOf('on') === 0 && typeof value === 'function') {
        node.addEventListener(key.substring(2), value);
      } else if (key === 'text') {
        node.textContent = value;
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  // ---- status area ------------------------------------------------------------------------------------------------

  function statusArea() {
    var area = byId('portal-status');
    if (!area) {
      area = el('div', {id: 'portal-status', class: 'status', role: 'status', 'aria-live': 'polite'});
      var main = byId('main') || document.body;
      main.insertBefore(area, main.firstChild);
    }
    return area;
  }

  function showError(message) {
    var area = statusArea();
    area.classList.add('error');
    area.setAttribute('role', 'alert');
    area.textContent = message;
  }

  function clearStatus() {
    var area = byId('portal-status');
    if (area) {
      area.classList.remove('error');
      area.textContent = '';
    }
  }

  // ---- HTTP -------------------------------------------------------------------------------------------------------

  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params || {}).forEach(function (key) {
      var value = params[key];
      if (value !== null && value !== undefined && value !== '') {
        search.append(key, value);
      }
    });
    var text = search.toString();
    return text ? '?' + text : '';
  }

  function csrfToken() {
    var match = document.cookie.match(new RegExp('(?:^|;\\s*)' + CSRF_COOKIE + '=([^;]+)'));
    return match ? decodeURIComponent(match[1]) : '';
  }

  function request(method, path, body, quiet) {
    var headers = {'Accept': 'application/json'};
    if (method !== 'GET') {
      headers[CSRF_HEADER] = csrfToken();
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, {
      method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) {
        location.href = LOGIN;
        throw new Error('请先登录');
      }
      var type = response.headers.get('Content-Type') || '';
      var read = type.indexOf('json') >= 0 ? response.json() : response.text();
      return read.then(function (data) {
        if (!response.ok) {
          var message = (data && data.message) || ('请求失败（HTTP ' + response.status + '）');
          var error = new Error(message);
          error.status = response.status;
          if (!quiet) {
            showError(message);
          }
          throw error;
        }
        return data;
      });
    });
  }

  /** GET path with params; rejects with the server's Chinese message (also shown in the page's status area). */
  function api(path, params) {
    return request('GET', path + query(params));
  }

  /** Like api, but leaves showing an error to the caller (for a section that reports its own failure). */
  function apiQuiet(path, params) {
    return request('GET', path + query(params), undefined, true);
  }

  function send(method, path, body) {
    return request(method, path, body);
  }

  // ---- URL state --------------------------------------------------------------------------------------------------

  function params() {
    var result = {};
    new URLSearchParams(location.search).forEach(function (value, key) {
      result[key] = value;
    });
    return result;
  }

  /** Merges values into the URL's query (empty values removed), so the view can be bookmarked and shared. */
  function setParams(values) {
    var merged = params();
    Object.keys(values).forEach(function (key) {
      merged[key] = values[key];
    });
    history.replaceState(null, '', location.pathname + query(merged));
    return params();
  }

  // ---- header and navigation ---------------------------------------------------------------------------------------

  var me = null;

  function has(user, group) {
    return user.groups.indexOf('camunda-admin') >= 0 || user.groups.indexOf(group) >= 0;
  }

  function navItems(user) {
    var items = [{href: '/portal/', label: '首页'}];
    var unitScoped = has(user, 'unit-hr') || has(user, 'unit-leader');
    if (user.seesAllUnits || unitScoped) {
      items.push({href: '/portal/dashboard.html', label: '管理驾驶舱'});
    }
    if (user.seesAllUnits || unitScoped || has(user, 'institution') || has(user, 'class-teacher')
        || has(user, 'lecturer') || has(user, 'liaison') || has(user, 'follow-up-team') || has(user, 'follow-up-lead')) {
      items.push({href: '/portal/classes.html', label: '培训班'});
    }
    if (user.unitId && unitScoped) {
      items.push({href: link.unit(user.unitId), label: '本单位干部'});
    }
    if (user.cadreId) {
      items.push({href: link.cadre(user.cadreId), label: '我的培训档案'});
    }
    items.push({href: '/camunda/app/tasklist/default/', label: '任务中心'});
    if (has(user, 'camunda-admin') || has(user, 'manager') || has(user, 'org-dept')) {
      items.push({href: '/camunda/app/cockpit/default/', label: '流程监控'});
    }
    return items;
  }

  function renderHeader(user, title) {
    var header = byId('portal-header');
    if (!header) {
      return;
    }
    var here = location.pathname;
    var nav = el('nav', {'aria-label': '主导航'},
      el('ul', null, navItems(user).map(function (item) {
        var current = item.href.split('?')[0] === here || (item.href === '/portal/' && here === '/portal/index.html');
        return el('li', null, el('a', {href: item.href, 'aria-current': current ? 'page' : null}, item.label));
      })));
    var who = user.displayName + (user.unitName ? '（' + user.unitName + '）'
      : user.institutionName ? '（' + user.institutionName + '）' : '');
    var logout = el('form', {method: 'post', action: '/portal/logout', class: 'logout'},
      el('input', {type: 'hidden', name: '_csrf', value: csrfToken()}),
      el('button', {type: 'submit'}, '退出'));
    clear(header).appendChild(el('header', {class: 'portal-header'},
      el('a', {href: '#main', class: 'skip-link'}, '跳到正文'),
      el('div', {class: 'brand'}, el('a', {href: '/portal/'}, '干训系统')),
      nav,
      el('div', {class: 'who'}, el('span', {'data-user': user.userId}, who), logout)));
    document.title = title + ' - 干训系统';
  }

  /** Loads the signed-in user, renders the header; resolves with the user. */
  function init(options) {
    var title = (options && options.title) || '干训系统';
    return Promise.all([request('GET', '/api/portal/me'), request('GET', '/api/portal/vocabulary')])
      .then(function (answers) {
        me = answers[0];
        vocabulary = answers[1];
        renderHeader(me, title);
        return me;
      });
  }

  // ---- filters ----------------------------------------------------------------------------------------------------

  function options(select, entries, selected) {
    append(select, el('option', {value: ''}, '全部'));
    entries.forEach(function (entry) {
      append(select, el('option', {value: entry.value, selected: String(entry.value) === String(selected)}, entry.label));
    });
  }

  /**
   * Labelled filter controls bound to the URL; onChange(params) after each change (and the page goes back to 0).
   * Resolves when the option lists are loaded.
   */
  function filterBar(container, config) {
    var current = params();
    var form = el('form', {class: 'filters', role: 'search', 'aria-label': '筛选条件'});
    var loads = [];
    (config.fields || []).forEach(function (field) {
      var id = 'filter-' + field;
      var control;
      if (field === 'year') {
        control = el('input', {id: id, name: field, type: 'number', min: 2000, max: 2100, step: 1,
          value: current[field] || '', placeholder: '全部'});
      } else {
        control = el('select', {id: id, name: field});
        if (field === 'rank') {
          options(control, vocabulary.ranks, current[field]);
        } else if (field === 'category') {
          options(control, vocabulary.categories, current[field]);
        } else if (field === 'light') {
          options(control, vocabulary.lights, current[field]);
        } else if (field === 'unitId') {
          loads.push(unitOptions(control, current[field]));
        } else if (field === 'institutionId') {
          loads.push(request('GET', '/api/institutions', undefined, true).then(function (list) {
            options(control, list.map(function (i) { return {value: i.id, label: i.name}; }), current[field]);
          }, function () { control.disabled = true; }));
        } else if (config.choices && config.choices[field]) {
          options(control, config.choices[field], current[field]);
        }
      }
      var label = (config.labels && config.labels[field]) || FILTER_LABELS[field] || field;
      append(form, el('div', {class: 'field'}, el('label', {for: id}, label), control));
    });
    append(form, el('button', {type: 'reset'}, '清除筛选'));
    form.addEventListener('change', function () {
      var values = {page: ''};
      (config.fields || []).forEach(function (field) {
        values[field] = form.elements[field].value;
      });
      var now = setParams(values);
      if (config.onChange) {
        config.onChange(now);
      }
    });
    form.addEventListener('reset', function () {
      setTimeout(function () { form.dispatchEvent(new Event('change')); }, 0);
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    clear(container).appendChild(form);
    return Promise.all(loads);
  }

  function unitOptions(control, selected) {
    if (me && !me.seesAllUnits) {
      // a unit's own staff: their unit (and its sub-units through the server's unit tree), nothing else to pick
      options(control, me.unitId ? [{value: me.unitId, label: me.unitName}] : [], selected || (me && me.unitId));
      return Promise.resolve();
    }
    return request('GET', '/api/units', undefined, true).then(function (units) {
      options(control, units.map(function (u) { return {value: u.id, label: u.name}; }), selected);
    }, function () { control.disabled = true; });
  }

  // ---- tables -----------------------------------------------------------------------------------------------------

  /**
   * A server-paged, server-sorted table. config: {caption, columns: [{key, label, sortable, render(row) → node|text}],
   * load(params) → Promise of {items, page, size, total}, size, paramPrefix}. page/size/sort live in the URL.
   * Returns {reload()}.
   */
  function table(container, config) {
    var prefix = config.paramPrefix || '';
    var pageKey = prefix + 'page', sizeKey = prefix + 'size', sortKey = prefix + 'sort';

    function state() {
      var p = params();
      return {page: parseInt(p[pageKey] || '0', 10) || 0, size: parseInt(p[sizeKey] || config.size || 20, 10),
        sort: p[sortKey] || config.sort || ''};
    }

    function go(changes) {
      var values = {};
      Object.keys(changes).forEach(function (k) { values[prefix + k] = changes[k]; });
      setParams(values);
      return reload();
    }

    function header(column, sort) {
      if (!column.sortable) {
        return el('th', {scope: 'col'}, column.label);
      }
      var ascending = sort === column.key, descending = sort === '-' + column.key;
      var next = ascending ? '-' + column.key : column.key;
      return el('th', {scope: 'col', 'aria-sort': ascending ? 'ascending' : descending ? 'descending' : 'none'},
        el('button', {type: 'button', class: 'sort', 'data-sort': column.key,
          onclick: function () { go({sort: next, page: 0}); }},
          column.label, el('span', {'aria-hidden': 'true'}, ascending ? ' ▲' : descending ? ' ▼' : ' ⇅')));
    }

    function cell(column, row) {
      var value = column.render ? column.render(row) : row[column.key];
      return el('td', {'data-key': column.key}, value === null || value === undefined ? '' : value);
    }

    function reload() {
      var s = state();
      var request = Object.assign({}, config.filters ? config.filters() : params(), {page: s.page, size: s.size,
        sort: s.sort});
      delete request[pageKey]; delete request[sizeKey]; delete request[sortKey];
      request.page = s.page; request.size = s.size; request.sort = s.sort;
      container.setAttribute('aria-busy', 'true');
      return config.load(request).then(function (result) {
        container.removeAttribute('aria-busy');
        var pages = Math.max(1, Math.ceil(result.total / result.size));
        var body = el('tbody', null, result.items.length ? result.items.map(function (row) {
          return el('tr', null, config.columns.map(function (c) { return cell(c, row); }));
        }) : el('tr', null, el('td', {colspan: config.columns.length, class: 'empty'}, '没有符合条件的记录')));
        var grid = el('table', {class: 'data'},
          el('caption', null, config.caption, el('span', {class: 'count'}, '（共 ' + result.total + ' 条）')),
          el('thead', null, el('tr', null, config.columns.map(function (c) { return header(c, s.sort); }))),
          body);
        var pager = el('nav', {class: 'pager', 'aria-label': config.caption + ' 分页'},
          el('button', {type: 'button', disabled: result.page <= 0, 'data-page': 'prev',
            onclick: function () { go({page: result.page - 1}); }}, '上一页'),
          el('span', {'aria-live': 'polite'}, '第 ' + (result.page + 1) + ' / ' + pages + ' 页'),
          el('button', {type: 'button', disabled: result.page + 1 >= pages, 'data-page': 'next',
            onclick: function () { go({page: result.page + 1}); }}, '下一页'));
        clear(container);
        append(container, el('div', {class: 'table-scroll'}, grid));
        append(container, pager);
        return result;
      }, function (error) {
        container.removeAttribute('aria-busy');
        clear(container).appendChild(el('p', {class: 'error', role: 'alert'}, error.message));
        throw error;
      });
    }

    reload().catch(function () { /* shown in the table's place */ });
    return {reload: reload};
  }

  // ---- charts -----------------------------------------------------------------------------------------------------

  /** An ECharts chart with its accessible description; onClick(params) for drill-downs. */
  function chart(container, option, config) {
    if (typeof echarts === 'undefined') {
      container.textContent = '图表库未加载';
      return null;
    }
    var instance = echarts.getInstanceByDom(container) || echarts.init(container, null, {renderer: 'canvas'});
    instance.setOption(Object.assign({aria: {enabled: true}, textStyle: {fontFamily: 'sans-serif'}}, option), true);
    if (config && config.onClick) {
      instance.off('click');
      instance.on('click', config.onClick);
    }
    if (!container.hasAttribute('data-resizes')) {
      container.setAttribute('data-resizes', 'true');
      window.addEventListener('resize', function () { instance.resize(); });
    }
    return instance;
  }

  // ---- links and formats ------------------------------------------------------------------------------------------

  var link = {
    cadre: function (id) { return '/portal/cadre.html?id=' + encodeURIComponent(id); },
    klass: function (id) { return '/portal/class.html?id=' + encodeURIComponent(id); },
    classes: function (values) { return '/portal/classes.html' + query(values || {}); },
    unit: function (id) { return '/portal/unit.html?unitId=' + encodeURIComponent(id); },
    cockpit: function (processInstanceId) {
      return '/camunda/app/cockpit/default/#/process-instance/' + encodeURIComponent(processInstanceId) + '/runtime';
    },
    task: function (taskId) { return '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(taskId); }
  };

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  var fmt = {
    date: function (value) { return value ? String(value).substring(0, 10) : ''; },
    dateTime: function (value) {
      if (!value) {
        return '';
      }
      var d = new Date(value);
      return isNaN(d) ? String(value) : d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
        + pad(d.getHours()) + ':' + pad(d.getMinutes());
    },
    percent: function (value) {
      return value === null || value === undefined ? '—' : (Math.round(Number(value) * 1000) / 10) + '%';
    },
    number: function (value) { return value === null || value === undefined ? '—' : Number(value).toLocaleString('zh-CN'); },
    rank: function (key) { return labelOf(vocabulary.ranks, key); },
    category: function (key) { return labelOf(vocabulary.categories, key); },
    light: function (key) { return labelOf(vocabulary.lights, key); }
  };

  global.Portal = {
    init: init, api: api, apiQuiet: apiQuiet, send: send, params: params, setParams: setParams,
    filterBar: filterBar, table: table, chart: chart, link: link, fmt: fmt, el: el, clear: clear,
    showError: showError, clearStatus: clearStatus,
    me: function () { return me; }
  };
})(window);
