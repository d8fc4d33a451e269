/*
 * Mitan "Request history": the pages. Plain DOM, every value set as text (never as HTML); every word from
 * messages.js, in the language Cockpit shows.
 */
import { historyReader, STATES } from './api.js';
import * as format from './format.js';
import { t } from './messages.js';

export const ROUTE = '/request-history';
const PAGE_SIZE = 25;
const REQUEST_NUMBER = /^[A-Z]{2,6}-\d{4}-\d{6}$/;

/** createElement with attributes, listeners (onclick, onsubmit, ...) and children (nodes or text). */
export function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
        if (value === null || value === undefined || value === false) {
            return;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2).toLowerCase(), value);
        } else if (name === 'className') {
            element.className = value;
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    });
    children.flat(Infinity).forEach((child) => {
        if (child === null || child === undefined || child === false || child === '') {
            return;
        }
        element.append(child instanceof Node ? child : String(child));
    });
    return element;
}

export function pageLink(params) {
    const search = new URLSearchParams();
    Object.entries(params || {}).forEach(([name, value]) => {
        if (value !== undefined && value !== null && value !== '') {
            search.set(name, value);
        }
    });
    const text = search.toString();
    return '#' + ROUTE + (text ? '?' + text : '');
}

function routeParams() {
    const hash = window.location.hash || '';
    const at = hash.indexOf('?');
    return new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
}

function cockpitInstanceLink(instance) {
    return `#/process-instance/${encodeURIComponent(instance.id)}/runtime`;
}

function loading(text) {
    return h('p', { className: 'mitan-history-loading' },
        h('span', { className: 'glyphicon glyphicon-loading', 'aria-hidden': 'true' }), ' ', text || t('loading'));
}

/** What could not be read (a key of messages.js taking the detail last, after the values given) and why. */
function problem(error, key, ...values) {
    const detail = error && error.status ? ` (HTTP ${error.status}: ${error.message})` : ` (${error && error.message})`;
    return h('div', { className: 'alert alert-danger', role: 'alert' }, t(key, ...values, detail));
}

function stateBadge(instance) {
    const [label, modifier] = format.instanceState(instance.state);
    return h('span', { className: `mitan-history-state mitan-history-state-${modifier}` }, label);
}

/** How long something took; for what is still open, how long it has been open so far. */
function lasted(item) {
    if (item.endTime || item.durationInMillis !== null && item.durationInMillis !== undefined) {
        return format.duration(item.durationInMillis ?? format.between(item.startTime, item.endTime));
    }
    return [format.duration(format.between(item.startTime, null)), h('span', { className: 'text-muted' }, t('soFar'))];
}

function time(value) {
    const text = format.dateTime(value);
    return text ? h('time', { datetime: value, title: value }, text) : '';
}

/** A table with Cockpit's look; columns are [title, row => cell content, optional class]. */
function table(columns, rows, emptyText, rowClass) {
    if (!rows.length) {
        return h('p', { className: 'mitan-history-empty' }, emptyText);
    }
    return h('div', { className: 'mitan-history-table-wrap' },
        h('table', { className: 'cam-table mitan-history-table' },
            h('thead', null, h('tr', null, columns.map(([title, , cls]) => h('th', { className: cls }, title)))),
            h('tbody', null, rows.map((row) => h('tr', { className: rowClass ? rowClass(row) : null },
                columns.map(([, cell, cls]) => h('td', { className: cls }, cell(row))))))));
}

/** A white card with a title, as on Cockpit's dashboards. */
function section(title, ...content) {
    return h('section', { className: 'mitan-history-section' },
        h('div', { className: 'inner' },
            h('header', null, h('h1', { className: 'section-title' }, title)),
            content));
}

function timeZoneNote() {
    return t('timeZoneNote', format.timeZoneLabel());
}

/* ---------------------------------------------------------------------------------------------------------- */
/* The route page: a list of requests, or one request's trail.                                                  */
/* ---------------------------------------------------------------------------------------------------------- */

export function renderRoute(node, api, signal) {
    const params = routeParams();
    const reader = historyReader(api, signal);
    const root = h('div', { className: 'ctn-view cockpit-section-dashboard mitan-history mitan-history-page' });
    node.append(root);
    document.title = 'Camunda Cockpit | ' + t('requestHistory');
    if (params.get('request')) {
        renderRequest(root, reader, params.get('request'));
    } else if (params.get('instance')) {
        renderInstance(root, reader, params.get('instance'));
    } else {
        renderList(root, reader, params);
    }
}

function searchForm(params) {
    const input = h('input', {
        type: 'search', className: 'form-control', id: 'mitan-history-search', name: 'search',
        placeholder: t('searchExample'), value: params.get('search') || '', autocomplete: 'off',
    });
    const state = h('select', { className: 'form-control', id: 'mitan-history-state', name: 'state' },
        STATES.map(([value, label]) => h('option', { value, selected: (params.get('state') || '') === value }, label)));
    const submit = (event) => {
        event.preventDefault();
        const search = input.value.trim().toUpperCase();
        window.location.hash = REQUEST_NUMBER.test(search)
            ? pageLink({ request: search })
            : pageLink({ search, state: state.value });
    };
    return h('form', { className: 'form-inline mitan-history-search', onsubmit: submit, role: 'search' },
        h('div', { className: 'form-group' },
            h('label', { for: 'mitan-history-search' }, t('requestNumber')), ' ', input),
        ' ',
        h('div', { className: 'form-group' }, h('label', { for: 'mitan-history-state' }, t('state')), ' ', state),
        ' ',
        h('button', { type: 'submit', className: 'btn btn-primary' }, t('search')));
}

function renderList(root, reader, params) {
    const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
    const search = (params.get('search') || '').trim().toUpperCase();
    const state = params.get('state') || '';
    const results = h('div', { className: 'mitan-history-results' }, loading(t('loadingRequests')));
    root.append(section(t('requestHistory'),
        h('p', { className: 'mitan-history-lead' }, t('lead'), timeZoneNote()),
        searchForm(params),
        results));

    reader.latestRequests({ search, state, firstResult: (page - 1) * PAGE_SIZE, maxResults: PAGE_SIZE })
        .then(({ instances, count }) => {
            results.replaceChildren(
                table([
                    [t('request'), (i) => i.businessKey
                        ? h('a', { href: pageLink({ request: i.businessKey }) }, i.businessKey)
                        : h('a', { href: pageLink({ instance: i.id }) }, `${t('noNumber')} ${i.id}`)],
                    [t('service'), (i) => i.processDefinitionName || i.processDefinitionKey],
                    [t('state'), stateBadge],
                    [t('registered'), (i) => time(i.startTime)],
                    [t('finished'), (i) => time(i.endTime)],
                    [t('duration'), lasted, 'mitan-history-number'],
                ], instances, search || state ? t('noRequestMatches') : t('noRequestsYet')),
                pager(page, count, { search, state }));
        })
        .catch((error) => {
            if (error.name !== 'AbortError') {
                results.replaceChildren(problem(error, 'couldNotReadRequests'));
            }
        });
}

function pager(page, count, params) {
    if (count <= PAGE_SIZE && page === 1) {
        return h('p', { className: 'mitan-history-count' }, t('requestCount', count, format.number(count)));
    }
    const first = count === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
    const last = Math.min(count, page * PAGE_SIZE);
    return h('nav', { className: 'mitan-history-count', 'aria-label': t('pages') },
        t('pageOfRequests', format.number(first), format.number(last), format.number(count)),
        page > 1 ? h('a', { className: 'btn btn-default btn-sm', href: pageLink({ ...params, page: page - 1 }) },
            t('newer')) : '',
        ' ',
        last < count ? h('a', { className: 'btn btn-default btn-sm', href: pageLink({ ...params, page: page + 1 }) },
            t('older')) : '');
}

function renderRequest(root, reader, number) {
    const head = h('div', null, loading(t('loadingHistoryOf', number)));
    const rest = h('div');
    root.append(section([t('requestHeading'), h('span', { className: 'mitan-history-number' }, number)],
        h('p', { className: 'mitan-history-back' }, h('a', { href: pageLink({}) }, t('allRequests'))),
        head), rest);
    reader.trail(number)
        .then((trail) => {
            if (!trail.instances.length) {
                head.replaceChildren(h('div', { className: 'alert alert-warning' }, t('noHistoryFor', number)));
                return;
            }
            head.replaceChildren(summary(trail));
            rest.replaceChildren(...trailSections(trail, { withInstances: true }));
        })
        .catch((error) => {
            if (error.name !== 'AbortError') {
                head.replaceChildren(problem(error, 'couldNotReadHistoryOf', number));
            }
        });
}

function renderInstance(root, reader, processInstanceId) {
    const body = h('div', null, loading(t('loadingHistory')));
    root.append(section(t('processHistory'),
        h('p', { className: 'mitan-history-back' }, h('a', { href: pageLink({}) }, t('allRequests'))), body));
    reader.instance(processInstanceId)
        .then((instance) => {
            if (!instance) {
                body.replaceChildren(h('div', { className: 'alert alert-warning' },
                    t('noProcessInstance', processInstanceId)));
                return null;
            }
            if (instance.businessKey) {
                window.location.hash = pageLink({ request: instance.businessKey });
                return null;
            }
            return reader.instanceTrail(instance).then((trail) => body.replaceChildren(
                h('p', null, t('startedWithoutNumber',
                    instance.processDefinitionName || instance.processDefinitionKey, timeZoneNote())),
                ...trailSections(trail, { withInstances: true })));
        })
        .catch((error) => {
            if (error.name !== 'AbortError') {
                body.replaceChildren(problem(error, 'couldNotReadHistory'));
            }
        });
}

/* ---------------------------------------------------------------------------------------------------------- */
/* The trail: shared by the page and the process instance tab.                                                 */
/* ---------------------------------------------------------------------------------------------------------- */

function summary(trail) {
    const root = trail.instances.find((i) => !i.superProcessInstanceId) || trail.instances[0];
    const request = trail.request || {};
    const record = request.record;
    const rows = [];
    const add = (label, value) => {
        if (value !== null && value !== undefined && value !== '') {
            rows.push(h('dt', null, label), h('dd', null, value));
        }
    };
    if (record) {
        add(t('service'), record.serviceName || record.certificateType);
        add(t('urbanBodyAndWard'), t('bodyAndWard', record.bodyCode, record.ward));
        add(t('applicationStatus'), h('strong', null, format.milestone(record.status)));
        add(t('registered'), time(record.createdAt));
        add(t('closed'), time(record.closedAt));
        add(t('openSteps'), (record.currentSteps || []).length
            ? h('ul', { className: 'list-unstyled' }, record.currentSteps.map((step) => h('li', null,
                step.name,
                step.assignee ? ` — ${step.assignee}` : t('offeredTo', (step.candidateGroups || []).join(', ')),
                step.due ? h('span', { className: 'text-muted' }, t('due'), time(step.due), ')') : '')))
            : t('none'));
    } else {
        add(t('service'), root.processDefinitionName || root.processDefinitionKey);
        add(t('registered'), time(root.startTime));
        add(t('finished'), time(root.endTime));
    }
    add(t('process'), stateBadge(root));
    return h('div', { className: 'mitan-history-summary' },
        h('dl', { className: 'dl-horizontal' }, rows),
        request.error ? h('div', { className: 'alert alert-warning' }, request.error.status === 403
            ? t('recordForbidden')
            : t('recordUnreadable', request.error.status || '?', request.error.message)) : '',
        h('p', { className: 'text-muted' }, timeZoneNote()));
}

/** Sections of a trail: processes, milestones, steps, user operations, comments, incidents. */
export function trailSections(trail, { withInstances }) {
    const instancesById = new Map(trail.instances.map((i) => [i.id, i]));
    const processName = (processInstanceId) => {
        const instance = instancesById.get(processInstanceId);
        return instance ? instance.processDefinitionName || instance.processDefinitionKey : '';
    };
    const activities = [];
    const operations = [];
    const variables = [];
    const incidents = [];
    const comments = [];
    trail.perInstance.forEach((part) => {
        activities.push(...part.activities);
        operations.push(...part.operations);
        variables.push(...part.variables);
        incidents.push(...part.incidents);
        comments.push(...(part.comments || []));
    });
    const sections = [];
    if (withInstances) {
        sections.push(instancesSection(trail.instances, instancesById));
    }
    if (trail.request && trail.request.record) {
        sections.push(milestonesSection(trail.request.record.milestones || []));
    }
    sections.push(stepsSection(activities, instancesById, processName));
    sections.push(operationsSection(operations, variables, activities, processName));
    sections.push(commentsSection(comments, activities, processName));
    sections.push(incidentsSection(incidents, activities, processName));
    return sections;
}

function byTime(field) {
    return (a, b) => {
        const left = format.parseDate(a[field]);
        const right = format.parseDate(b[field]);
        return (left ? left.getTime() : 0) - (right ? right.getTime() : 0);
    };
}

/** Sort by time, keeping the engine's order for equal times (Array.prototype.sort is stable). */
function chronological(items, field) {
    return items.slice().sort(byTime(field));
}

function instancesSection(instances, instancesById) {
    const calledFrom = (i) => {
        const parent = i.superProcessInstanceId ? instancesById.get(i.superProcessInstanceId) : null;
        return parent ? parent.processDefinitionName || parent.processDefinitionKey : '';
    };
    return section(t('processes'),
        table([
            [t('process'), (i) => [i.processDefinitionName || i.processDefinitionKey,
                h('span', { className: 'text-muted' }, ` v${i.processDefinitionVersion}`)]],
            [t('calledFrom'), calledFrom],
            [t('state'), stateBadge],
            [t('started'), (i) => time(i.startTime)],
            [t('ended'), (i) => time(i.endTime)],
            [t('duration'), lasted, 'mitan-history-number'],
            ['', (i) => format.isRunning(i) ? h('a', { href: cockpitInstanceLink(i) }, t('openInCockpit')) : ''],
        ], instances, t('noProcesses')));
}

function milestonesSection(milestones) {
    return section(t('milestones'),
        table([
            [t('when'), (m) => time(m.at), 'mitan-history-when'],
            [t('milestone'), (m) => format.milestone(m.milestone)],
            [t('by'), (m) => m.actor || ''],
            [t('detail'), (m) => m.detail || ''],
        ], chronological(milestones, 'at'), t('noMilestones')));
}

function stepsSection(activities, instancesById, processName) {
    const rows = chronological(activities, 'startTime');
    const gateways = rows.filter((a) => format.isGateway(a.activityType)).length;
    const who = (a) => {
        if (a.assignee) {
            return a.assignee;
        }
        const instance = instancesById.get(a.processInstanceId);
        return a.activityType === 'startEvent' && instance && instance.startUserId ? instance.startUserId : '';
    };
    const outcome = (a) => {
        if (a.canceled) {
            return h('span', { className: 'mitan-history-state mitan-history-state-cancelled' }, t('stepCancelled'));
        }
        if (!a.endTime) {
            return h('span', { className: 'mitan-history-state mitan-history-state-running' }, t('stepOpen'));
        }
        return t('stepDone');
    };
    const content = table([
        [t('started'), (a) => time(a.startTime), 'mitan-history-when'],
        [t('ended'), (a) => time(a.endTime), 'mitan-history-when'],
        [t('duration'), lasted, 'mitan-history-number'],
        [t('process'), (a) => processName(a.processInstanceId)],
        [t('step'), (a) => a.activityName || a.activityId],
        [t('type'), (a) => format.activityType(a.activityType)],
        [t('who'), who],
        [t('outcome'), outcome],
    ], rows, t('noSteps'), (a) => (format.isGateway(a.activityType) ? 'mitan-history-gateway' : null));
    const holder = h('div', { className: 'mitan-history-steps mitan-history-hide-gateways' }, content);
    const toggle = gateways ? h('label', { className: 'checkbox-inline mitan-history-toggle' },
        h('input', {
            type: 'checkbox',
            onchange: (event) => holder.classList.toggle('mitan-history-hide-gateways', !event.target.checked),
        }),
        t('showGateways', format.number(gateways))) : '';
    return section(t('steps', format.number(rows.length - gateways), gateways ? format.number(gateways) : ''),
        toggle, holder);
}

function operationsSection(operations, variables, activities, processName) {
    const taskSteps = new Map(activities.filter((a) => a.taskId).map((a) => [a.taskId, a]));
    const taskNames = new Map([...taskSteps].map(([taskId, a]) => [taskId, a.activityName || a.activityId]));
    const variablesByOperation = new Map();
    variables.filter((v) => v.userOperationId).forEach((v) => {
        const list = variablesByOperation.get(v.userOperationId) || [];
        list.push(v);
        variablesByOperation.set(v.userOperationId, list);
    });
    // Completing a task also writes what the process does next in the same transaction (output mappings into
    // the calling process, listeners): of a task operation, show only the values set on the task's own step.
    const enteredBy = (entry) => {
        const updates = variablesByOperation.get(entry.operationId) || [];
        const step = entry.taskId ? taskSteps.get(entry.taskId) : null;
        return step ? updates.filter((v) => v.activityInstanceId === step.id) : updates;
    };
    // One operation may write several entries (one per property changed): show it once.
    const groups = [];
    const byId = new Map();
    chronological(operations, 'timestamp').forEach((entry) => {
        const key = entry.operationId || entry.id;
        let group = byId.get(key);
        if (!group) {
            group = { first: entry, entries: [] };
            byId.set(key, group);
            groups.push(group);
        }
        group.entries.push(entry);
    });
    const what = (group) => {
        const entry = group.first;
        const task = entry.taskId ? taskNames.get(entry.taskId) : null;
        const incident = group.entries.some((e) => e.property === 'incidentId');
        const label = entry.operationType === 'Resolve' && incident ? t('resolvedAnIncident')
            : format.operation(entry.operationType);
        const on = format.entity(entry.entityType);
        if (task) {
            return t('onTask', h('strong', null, label), h('q', null, task));
        }
        return [h('strong', null, label),
            label.toLowerCase().includes(on) ? '' : h('span', { className: 'text-muted' }, ` (${on})`)];
    };
    const details = (group) => {
        const changes = group.entries
            .filter((e) => e.property && !(e.operationType === 'Complete' && e.property === 'delete'))
            .map((e) => h('li', null, h('span', { className: 'mitan-history-property' }, e.property), ': ',
                e.orgValue ?? '—', ' → ', e.newValue ?? '—'));
        const values = enteredBy(group.first).map((v) => {
            const value = format.variableValue(v);
            return h('li', null, h('span', { className: 'mitan-history-property' }, v.variableName), ' = ',
                h('span', { title: value.length > 120 ? value : null }, format.shorten(value)));
        });
        return changes.length || values.length ? h('ul', { className: 'list-unstyled mitan-history-details' },
            changes, values) : '';
    };
    return section(t('userOperations', format.number(groups.length)),
        table([
            [t('when'), (g) => time(g.first.timestamp), 'mitan-history-when'],
            [t('who'), (g) => g.first.userId || ''],
            [t('what'), what],
            [t('enteredOrChanged'), details],
            [t('process'), (g) => processName(g.first.processInstanceId)],
        ], groups, t('noOperations')));
}

function commentsSection(comments, activities, processName) {
    // A comment added to a task names the task only: its step says which process it was in.
    const taskSteps = new Map(activities.filter((a) => a.taskId).map((a) => [a.taskId, a]));
    const step = (c) => (c.taskId ? taskSteps.get(c.taskId) : null);
    return section(t('comments', format.number(comments.length)),
        table([
            [t('when'), (c) => time(c.time), 'mitan-history-when'],
            [t('who'), (c) => c.userId || ''],
            [t('task'), (c) => (step(c) ? step(c).activityName || step(c).activityId : '')],
            [t('comment'), (c) => h('span', { className: 'mitan-history-comment' }, c.message || '')],
            [t('process'), (c) => processName(c.processInstanceId || (step(c) ? step(c).processInstanceId : null))],
        ], chronological(comments, 'time'), t('noComments')));
}

function incidentsSection(incidents, activities, processName) {
    const stepNames = new Map(activities.map((a) => [a.activityId, a.activityName || a.activityId]));
    const byId = new Map(incidents.map((i) => [i.id, i]));
    // An incident in a called process shows up again on the call activity of its caller, without a message.
    const message = (i) => {
        if (i.incidentMessage) {
            return i.incidentMessage;
        }
        const cause = i.rootCauseIncidentId && i.rootCauseIncidentId !== i.id ? byId.get(i.rootCauseIncidentId) : null;
        return cause ? h('span', { className: 'text-muted' },
            t('raisedIn', processName(cause.processInstanceId))
            + (cause.incidentMessage || format.incidentType(cause.incidentType)))
            : '';
    };
    const state = (i) => {
        if (i.open) {
            return h('span', { className: 'mitan-history-state mitan-history-state-cancelled' }, t('incidentOpen'));
        }
        if (i.resolved) {
            return t('incidentResolved');
        }
        return i.deleted ? t('incidentDeleted') : '';
    };
    return section(t('incidents', format.number(incidents.length)),
        table([
            [t('raised'), (i) => time(i.createTime), 'mitan-history-when'],
            [t('ended'), (i) => time(i.endTime), 'mitan-history-when'],
            [t('process'), (i) => processName(i.processInstanceId)],
            [t('step'), (i) => {
                const activityId = i.failedActivityId || i.activityId;
                return stepNames.get(activityId) || activityId || '';
            }],
            [t('type'), (i) => format.incidentType(i.incidentType)],
            [t('message'), message],
            [t('state'), state],
        ], chronological(incidents, 'createTime'), t('noIncidents')));
}

/* ---------------------------------------------------------------------------------------------------------- */
/* The "Audit trail" tab of a running process instance.                                                        */
/* ---------------------------------------------------------------------------------------------------------- */

export function renderInstanceTab(node, api, processInstanceId, signal) {
    const reader = historyReader(api, signal);
    const root = h('div', { className: 'mitan-history mitan-history-tab' }, loading(t('loadingAuditTrail')));
    node.append(root);
    reader.instance(processInstanceId)
        .then((instance) => {
            if (!instance) {
                root.replaceChildren(h('div', { className: 'alert alert-warning' }, t('noHistoryForInstance')));
                return null;
            }
            const load = instance.businessKey ? reader.trail(instance.businessKey) : reader.instanceTrail(instance);
            return load.then((trail) => root.replaceChildren(
                h('p', null,
                    instance.businessKey
                        ? t('wholeTrailOf', h('strong', null, instance.businessKey),
                            h('a', { href: pageLink({ request: instance.businessKey }) }, t('openInRequestHistory')))
                        : t('trailOfInstance'),
                    h('span', { className: 'text-muted' }, timeZoneNote())),
                ...trailSections(trail, { withInstances: true })));
        })
        .catch((error) => {
            if (error.name !== 'AbortError') {
                root.replaceChildren(problem(error, 'couldNotReadAuditTrail'));
            }
        });
}
