// The login form posts to Spring Security's form login; the CSRF token comes from the cookie the server sets.
(function () {
  'use strict';
  var match = document.cookie.match(/(?:^|;\s*)GANXUN-XSRF=([^;]+)/);
  var form = document.getElementById('login-form');
  var message = document.getElementById('login-message');
  form.addEventListener('submit', function (event) {
    var cookie = document.cookie.match(/(?:^|;\s*)GANXUN-XSRF=([^;]+)/);
    if (!cookie) {
      event.preventDefault();
      message.textContent = '页面已过期，请刷新后重新登录。';
      return;
    }
    document.getElementById('csrf').value = decodeURIComponent(cookie[1]);
  });
  if (!match) {
    // the cookie arrives with this page; a cached copy of the page may come without it
    fetch('/portal/login.html', {credentials: 'same-origin', cache: 'no-store'});
  }
  var query = new URLSearchParams(location.search);
  if (query.has('error')) {
    message.textContent = '用户名或密码错误，请重新输入。';
  } else if (query.has('logout')) {
    message.textContent = '已退出登录。';
  }
})();
