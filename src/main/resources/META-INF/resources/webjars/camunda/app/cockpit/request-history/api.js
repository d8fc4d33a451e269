/*
 * Mitan "Request history": reads who did what and when on a request, running or finished.
 *
 * Everything comes through GET calls with the user's Cockpit session: Camunda's history REST API as the webapp
 * exposes it ({api.engineApi}, engine authorizations apply) and the application's own request record
 * (GET /api/requests/{number}, which honours the webapp session for GET). Nothing here writes.
 */

import { t } from './messages.js';

/** The engine REST resources this plugin reads, relative to {api.engineApi}. */
export const HISTORY = Object.freeze({
    processInstances: '/history/process-instance',
    processInstanceCount: '/history/process-instance/count',
    activityInstances: '/history/activity-instance',
    userOperations: '/history/user-operation',
    variableUpdates: '/history/detail',
    incidents: '/history/incident',
});

/**
 * What people said (Tasklist's comments), which the engine keeps in its history: on a task, and on a process as a
 * whole. A comment added to a task names only the task, so each task is asked.
 */
export const COMMENTS = Object.freeze({
    onTask: (taskId) => '/task/' + encodeURIComponent(taskId) + '/comment',
    onProcess: (processInstanceId) => '/process-instance/' + encodeURIComponent(processInstanceId) + '/comment',
});

/** The application's API: the webapps live at {context}/camunda, the API at {context}/api. */
function mitanApiRoot() {
    const base = document.querySelector('base');
    const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
    return appRoot.replace(/\/[^/]*\/?$/, '') + '/api';
}

function cookie(name) {
    const prefix = name + '=';
    const found = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(prefix));
    return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

function queryString(params) {
    const search = new URLSearchParams();
    Object.entries(params || {}).forEach(([name, value]) => {
        if (value !== undefined && value !== null && value !== '') {
            search.append(name, String(value));
        }
    });
    const text = search.toString();
    return text ? '?' + text : '';
}

/** A call that did not answer 2xx, with the message the server gave. */
export class CallFailed extends Error {
    constructor(status, message, url) {
        super(message);
        this.status = status;
        this.url = url;
    }
}

async function failure(response, url) {
    let message = response.statusText || 'HTTP ' + response.status;
    try {
        const body = await response.json();
        message = body.detail || body.message || message;
    } catch (ignored) {
        // not JSON: keep the status text
    }
    return new CallFailed(response.status, message, url);
}

/**
 * A reader bound to Cockpit's api object (engineApi, CSRFToken) and an AbortSignal. The webapp wants its
 * CSRF token on every call; it is read from the cookie each time so a renewed token is picked up.
 */
export function historyReader(api, signal) {
    async function get(url) {
        const response = await fetch(url, {
            method: 'GET',
            credentials: 'same-origin',
            signal,
            headers: {
                Accept: 'application/json',
                'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || api.CSRFToken || '',
            },
        });
        if (!response.ok) {
            throw await failure(response, url);
        }
        return response.json();
    }

    const engine = (path, params) => get(api.engineApi + path + queryString(params));

    return {
        /** Top-level requests (no called visits or deliveries), newest first. */
        async latestRequests({ search, state, firstResult, maxResults }) {
            const filter = { rootProcessInstances: true };
            if (search) {
                filter.processInstanceBusinessKeyLike = '%' + search + '%';
            }
            Object.assign(filter, STATE_FILTERS[state] || {});
            const [instances, count] = await Promise.all([
                engine(HISTORY.processInstances, {
                    ...filter, sortBy: 'startTime', sortOrder: 'desc', firstResult, maxResults,
                }),
                engine(HISTORY.processInstanceCount, filter),
            ]);
            return { instances, count: count.count };
        },

        /** One instance by id, or null. */
        async instance(processInstanceId) {
            const found = await engine(HISTORY.processInstances, { processInstanceId });
            return found[0] || null;
        },

        /**
     * The whole trail of a request: its process and the visits and deliveries it called (they carry the request
     * number as business key), each with its steps, user operations, the variables those operations set,
     * incidents and comments; plus the application's record of the request.
     */
        async trail(businessKey) {
            const instances = await engine(HISTORY.processInstances, {
                processInstanceBusinessKey: businessKey, sortBy: 'startTime', sortOrder: 'asc',
            });
            return withDetails(instances, businessKey);
        },

        /** The trail of an instance that has no business key: it and the instances it called. */
        async instanceTrail(root) {
            const called = await engine(HISTORY.processInstances, {
                superProcessInstanceId: root.id, sortBy: 'startTime', sortOrder: 'asc',
            });
            return withDetails([root, ...called], null);
        },
    };

    async function withDetails(instances, businessKey) {
        const perInstance = await Promise.all(instances.map(async (instance) => {
            const processInstanceId = instance.id;
            const [activities, operations, variables, incidents, comments] = await Promise.all([
                engine(HISTORY.activityInstances, { processInstanceId, sortBy: 'occurrence', sortOrder: 'asc' }),
                engine(HISTORY.userOperations, { processInstanceId, sortBy: 'timestamp', sortOrder: 'asc' }),
                engine(HISTORY.variableUpdates, {
                    processInstanceId, variableUpdates: true, deserializeValues: false,
                    sortBy: 'time', sortOrder: 'asc',
                }),
                engine(HISTORY.incidents, { processInstanceId, sortBy: 'createTime', sortOrder: 'asc' }),
                engine(COMMENTS.onProcess(processInstanceId)),
            ]);
            const onTasks = await Promise.all(activities.filter((a) => a.taskId)
                .map((a) => engine(COMMENTS.onTask(a.taskId))));
            const seen = new Set(comments.map((c) => c.id));
            onTasks.flat().forEach((c) => {
                if (!seen.has(c.id)) {
                    seen.add(c.id);
                    comments.push(c);
                }
            });
            return { instance, activities, operations, variables, incidents, comments };
        }));
        // The application's record is read last and alone: reading the API with the webapp session renews the
        // session id, and engine calls still under way with the old id would be refused.
        const request = businessKey && instances.length ? await requestRecord(businessKey) : null;
        return { businessKey, instances, perInstance, request };
    }

    async function requestRecord(number) {
        try {
            return { record: await get(mitanApiRoot() + '/requests/' + encodeURIComponent(number)) };
        } catch (error) {
            if (error.name === 'AbortError') {
                throw error;
            }
            return { error };
        }
    }
}

const STATE_FILTERS = Object.freeze({
    running: { unfinished: true },
    finished: { finished: true },
    completed: { completed: true },
    cancelled: { externallyTerminated: true },
    incidents: { withIncidents: true },
});

export const STATES = Object.freeze([
    ['', t('allRequestsFilter')],
    ['running', t('runningFilter')],
    ['finished', t('finishedFilter')],
    ['completed', t('completedFilter')],
    ['cancelled', t('cancelledFilter')],
    ['incidents', t('incidentsFilter')],
]);
