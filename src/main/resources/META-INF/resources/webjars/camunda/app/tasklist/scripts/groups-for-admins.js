/*
 * Mitan: only an administrator changes to whom a task is offered. Tasklist offers every user, on every task, the
 * task's groups as a link (or "Add groups") that opens a dialog to add and remove candidate groups; the application
 * refuses such a change to anyone but camunda-admin (config/EngineCommandGuard), so an officer, a Mitan or a
 * supervisor who tried it met an error dialog. This script asks once after login whether the user is in
 * camunda-admin (the engine's group count, with the user's own session; only an administrator may read groups) and
 * marks the page mitan-no-group-changes otherwise, which styles/user-styles.css uses to show the groups as plain
 * text and hide "Add groups". It decides nothing: the guard stays the law.
 *
 * Registered by scripts/config.js (customScripts). Plain ES module, no build step.
 */
const NO_GROUP_CHANGES = 'mitan-no-group-changes';

function root() {
  const at = window.location.pathname.indexOf('/app/tasklist/');
  return at < 0 ? '/camunda' : window.location.pathname.substring(0, at);
}

function json(path) {
  return fetch(root() + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(answer => answer.ok ? answer.json() : null)
    .catch(() => null);
}

let markedFor = null;

/** The groups' links are not reached with the keyboard either, where the page says no. */
function keepKeyboardOff() {
  const off = document.documentElement.classList.contains(NO_GROUP_CHANGES);
  document.querySelectorAll('li.groups a').forEach(link => {
    if (off !== (link.tabIndex === -1)) {
      link.tabIndex = off ? -1 : 0;
    }
  });
}

function markPage() {
  keepKeyboardOff();
  const shown = document.querySelector('li.account .dropdown-toggle, li.account a')?.textContent?.trim() || null;
  if (!shown || shown === markedFor) {
    return;
  }
  markedFor = shown;
  document.documentElement.classList.add(NO_GROUP_CHANGES);
  json('/api/admin/auth/user/default')
    .then(user => user?.userId ? json('/api/engine/engine/default/group/count?'
      + new URLSearchParams({id: 'camunda-admin', member: user.userId})) : null)
    .then(admins => {
      document.documentElement.classList.toggle(NO_GROUP_CHANGES, admins?.count !== 1);
      keepKeyboardOff();
    });
}

// Until the user is known nobody changes groups: the link appears once the engine has said yes.
document.documentElement.classList.add(NO_GROUP_CHANGES);
new MutationObserver(markPage).observe(document.documentElement, {childList: true, subtree: true});
markPage();
