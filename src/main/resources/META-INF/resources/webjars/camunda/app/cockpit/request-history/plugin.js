/*
 * Mitan "Request history": a Cockpit plugin for auditors, supervisors and analysts. Community Cockpit shows
 * running instances only; this shows every request, running or finished, with each step, who did it and when,
 * the user operation log, incidents and the application's milestones.
 *
 * Registered by scripts/config.js (customScripts). Plain ES modules, no build step. Its words are in messages.js,
 * in the language Cockpit shows.
 */
import { t } from './messages.js';
import { ROUTE, renderInstanceTab, renderRoute } from './view.js';

const STYLESHEET_ID = 'mitan-request-history-styles';

function addStylesheet() {
    if (!document.getElementById(STYLESHEET_ID)) {
        const link = document.createElement('link');
        link.id = STYLESHEET_ID;
        link.rel = 'stylesheet';
        link.href = new URL('./request-history.css', import.meta.url).href;
        document.head.appendChild(link);
    }
}

/** Each rendered view gets its own AbortController; leaving the view cancels what it still loads. */
function abortable() {
    const controllers = new Set();
    return {
        signal() {
            const controller = new AbortController();
            controllers.add(controller);
            return controller.signal;
        },
        abortAll() {
            controllers.forEach((controller) => controller.abort());
            controllers.clear();
        },
    };
}

const page = abortable();
const tab = abortable();

export default [
    {
        id: 'mitan-request-history-navigation',
        pluginPoint: 'cockpit.navigation',
        priority: 10,
        label: t('requestHistory'),
        pagePath: '#' + ROUTE,
        checkActive: (url) => (url || '').includes('#' + ROUTE),
        properties: { path: ROUTE },
    },
    {
        id: 'mitan-request-history-page',
        pluginPoint: 'cockpit.route',
        properties: { path: ROUTE, label: t('requestHistory') },
        render(node, { api }) {
            addStylesheet();
            renderRoute(node, api, page.signal());
        },
        unmount() {
            page.abortAll();
        },
    },
    {
        id: 'mitan-audit-trail-tab',
        pluginPoint: 'cockpit.processInstance.runtime.tab',
        priority: -10,
        label: t('auditTrail'),
        render(node, { api, processInstanceId }) {
            addStylesheet();
            renderInstanceTab(node, api, processInstanceId, tab.signal());
        },
        unmount() {
            tab.abortAll();
        },
    },
];
