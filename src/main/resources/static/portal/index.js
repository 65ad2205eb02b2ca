// Home page placeholder of the shell; the role home (tasks and figures) replaces it.
Portal.init({title: '首页'});
