/*
 * Mitan: Cockpit shows each user only the buttons the engine lets them use. Cockpit offers every user the buttons
 * that change a request (delete a running process instance, add, edit or delete a variable, retry its jobs,
 * suspend it or its definition) and lets the engine refuse them afterwards with a list of permissions. An auditor
 * reads and changes nothing; an analyst changes definitions, not running requests; only an administrator changes a
 * running request.
 *
 * This script asks the engine once after login what the user may do (GET .../authorization/check, with the
 * user's own session) and marks the page with what they may not: mitan-no-instance-changes and
 * mitan-no-definition-changes, which styles/user-styles.css uses to hide those buttons. It decides nothing: the
 * engine's authorizations stay the law, and a hidden button would be refused as before.
 *
 * Registered by scripts/config.js (customScripts). Plain ES module, no build step.
 */
const PROCESS_DEFINITION = {resourceName: 'process-definition', resourceType: 6};
const PROCESS_INSTANCE = {resourceName: 'process-instance', resourceType: 8};

function engineApi() {
    const at = window.location.pathname.indexOf('/app/cockpit/');
    const root = at < 0 ? '/camunda' : window.location.pathname.substring(0, at);
    return root + '/api/engine/engine/default';
}

/** Whether the user may do this on every resource of the kind; false when it cannot be known. */
function may(permissionName, resource) {
    const query = new URLSearchParams({permissionName, resourceName: resource.resourceName,
        resourceType: String(resource.resourceType)});
    return fetch(engineApi() + '/authorization/check?' + query, {credentials: 'same-origin',
        headers: {Accept: 'application/json'}})
        .then(answer => answer.ok ? answer.json() : {authorized: false})
        .then(check => check.authorized === true)
        .catch(() => false);
}

function anyOf(checks) {
    return Promise.all(checks).then(answers => answers.some(Boolean));
}

let markedFor = null;

function markPage() {
    const user = document.querySelector('.account .dropdown-toggle, li.account a')?.textContent?.trim() || null;
    if (!user || user === markedFor) {
        return;
    }
    markedFor = user;
    const page = document.documentElement.classList;
    anyOf([may('UPDATE', PROCESS_INSTANCE), may('DELETE', PROCESS_INSTANCE),
        may('UPDATE_INSTANCE', PROCESS_DEFINITION), may('DELETE_INSTANCE', PROCESS_DEFINITION)])
        .then(allowed => page.toggle('mitan-no-instance-changes', !allowed));
    anyOf([may('SUSPEND', PROCESS_DEFINITION), may('UPDATE', PROCESS_DEFINITION)])
        .then(allowed => page.toggle('mitan-no-definition-changes', !allowed));
}

// Until the user is known the page is treated as read only: buttons appear once the engine has said yes.
document.documentElement.classList.add('mitan-no-instance-changes', 'mitan-no-definition-changes');
new MutationObserver(markPage).observe(document.documentElement, {childList: true, subtree: true});
markPage();
