/*
 * Mitan's Tasklist configuration. It replaces the webapp's own scripts/config.js: the keyboard shortcuts are
 * Tasklist's own, and Hindi (locales/hi.json) is offered beside English. A browser set to Hindi gets Hindi; a label
 * hi.json does not have is shown in English (the fallback locale).
 */
export default {
  // scripts/request-search.js: find a request by its number;
  // registered-number/notice.js: the request number shown to the agent after registering from a start form;
  // scripts/completed-task.js: which task of which request was just completed;
  // scripts/form-checks.js: refusals beside the field (strict dates, the ward of the body, the engine's refusals);
  // scripts/form-links.js: a form's links (the scans) open in a new tab, leaving the form as it was;
  // scripts/groups-for-admins.js: only administrators are offered to change a task's groups.
  customScripts: ['scripts/request-search.js', 'registered-number/notice.js', 'scripts/completed-task.js',
    'scripts/form-checks.js', 'scripts/form-links.js', 'scripts/groups-for-admins.js'],
  locales: {
    availableLocales: ['en', 'hi'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
