/*
 * Mitan "Request history": the pages. Plain DOM, every value set as text (never as HTML).
 */
import { historyReader, STATES } from './api.js';
import * as format from './format.js';

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
        h('span', { className: 'glyphicon glyphicon-loading', 'aria-hidden': 'true' }), ' ', text || 'Loading…');
}

function problem(error, what) {
    const detail = error && error.status ? ` (HTTP ${error.status}: ${error.message})` : ` (${error && error.message})`;
    return h('div', { className: 'alert alert-danger', role: 'alert' }, `Could not read ${what}${detail}.`);
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
    return [format.duration(format.between(item.startTime, null)), h('span', { className: 'text-muted' }, ' so far')];
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
    return `Times are shown in your browser's time zone (${format.timeZoneLabel()}).`;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* The route page: a list of requests, or one request's trail.                                                  */
/* ---------------------------------------------------------------------------------------------------------- */

export function renderRoute(node, api, signal) {
    const params = routeParams();
    const reader = historyReader(api, signal);
    const root = h('div', { className: 'ctn-view cockpit-section-dashboard mitan-history mitan-history-page' });
    node.append(root);
    document.title = 'Camunda Cockpit | Request history';
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
        placeholder: 'e.g. RPR-2026-000001', value: params.get('search') || '', autocomplete: 'off',
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
            h('label', { for: 'mitan-history-search' }, 'Request number'), ' ', input),
        ' ',
        h('div', { className: 'form-group' }, h('label', { for: 'mitan-history-state' }, 'State'), ' ', state),
        ' ',
        h('button', { type: 'submit', className: 'btn btn-primary' }, 'Search'));
}

function renderList(root, reader, params) {
    const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
    const search = (params.get('search') || '').trim().toUpperCase();
    const state = params.get('state') || '';
    const results = h('div', { className: 'mitan-history-results' }, loading('Loading the latest requests…'));
    root.append(section('Request history',
        h('p', { className: 'mitan-history-lead' },
            'Every request, running or finished, newest first. Open one to see each step, who did it and when, ',
            'what people entered, incidents and the application\'s milestones. ', timeZoneNote()),
        searchForm(params),
        results));

    reader.latestRequests({ search, state, firstResult: (page - 1) * PAGE_SIZE, maxResults: PAGE_SIZE })
        .then(({ instances, count }) => {
            results.replaceChildren(
                table([
                    ['Request', (i) => i.businessKey
                        ? h('a', { href: pageLink({ request: i.businessKey }) }, i.businessKey)
                        : h('a', { href: pageLink({ instance: i.id }) }, `(no number) ${i.id}`)],
                    ['Service', (i) => i.processDefinitionName || i.processDefinitionKey],
                    ['State', stateBadge],
                    ['Registered', (i) => time(i.startTime)],
                    ['Finished', (i) => time(i.endTime)],
                    ['Duration', lasted, 'mitan-history-number'],
                ], instances, search || state ? 'No request matches.' : 'No requests yet.'),
                pager(page, count, { search, state }));
        })
        .catch((error) => {
            if (error.name !== 'AbortError') {
                results.replaceChildren(problem(error, 'the requests'));
            }
        });
}

function pager(page, count, params) {
    if (count <= PAGE_SIZE && page === 1) {
        return h('p', { className: 'mitan-history-count' }, count === 1 ? '1 request' : `${count} requests`);
    }
    const first = count === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
    const last = Math.min(count, page * PAGE_SIZE);
    return h('nav', { className: 'mitan-history-count', 'aria-label': 'Pages' },
        `${first}–${last} of ${count} requests `,
        page > 1 ? h('a', { className: 'btn btn-default btn-sm', href: pageLink({ ...params, page: page - 1 }) },
            '‹ Newer') : '',
        ' ',
        last < count ? h('a', { className: 'btn btn-default btn-sm', href: pageLink({ ...params, page: page + 1 }) },
            'Older ›') : '');
}

function renderRequest(root, reader, number) {
    const head = h('div', null, loading(`Loading the history of ${number}…`));
    const rest = h('div');
    root.append(section(['Request ', h('span', { className: 'mitan-history-number' }, number)],
        h('p', { className: 'mitan-history-back' }, h('a', { href: pageLink({}) }, '‹ All requests')),
        head), rest);
    reader.trail(number)
        .then((trail) => {
            if (!trail.instances.length) {
                head.replaceChildren(h('div', { className: 'alert alert-warning' },
                    `No process history for ${number}. Check the number; `
                    + 'you may also lack the permission to read it.'));
                return;
            }
            head.replaceChildren(summary(trail));
            rest.replaceChildren(...trailSections(trail, { withInstances: true }));
        })
        .catch((error) => {
            if (error.name !== 'AbortError') {
                head.replaceChildren(problem(error, `the history of ${number}`));
            }
        });
}

function renderInstance(root, reader, processInstanceId) {
    const body = h('div', null, loading('Loading the history…'));
    root.append(section('Process history',
        h('p', { className: 'mitan-history-back' }, h('a', { href: pageLink({}) }, '‹ All requests')), body));
    reader.instance(processInstanceId)
        .then((instance) => {
            if (!instance) {
                body.replaceChildren(h('div', { className: 'alert alert-warning' },
                    `No process instance ${processInstanceId}.`));
                return null;
            }
            if (instance.businessKey) {
                window.location.hash = pageLink({ request: instance.businessKey });
                return null;
            }
            return reader.instanceTrail(instance).then((trail) => body.replaceChildren(
                h('p', null, `${instance.processDefinitionName || instance.processDefinitionKey}, `
                    + `started without a request number. ${timeZoneNote()}`),
                ...trailSections(trail, { withInstances: true })));
        })
        .catch((error) => {
            if (error.name !== 'AbortError') {
                body.replaceChildren(problem(error, 'the history'));
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
        add('Service', record.serviceName || record.certificateType);
        add('Urban body and ward', `${record.bodyCode}, ward ${record.ward}`);
        add('Application status', h('strong', null, format.words(record.status)));
        add('Registered', time(record.createdAt));
        add('Closed', time(record.closedAt));
        add('Open steps', (record.currentSteps || []).length
            ? h('ul', { className: 'list-unstyled' }, record.currentSteps.map((step) => h('li', null,
                step.name,
                step.assignee ? ` — ${step.assignee}` : ` — offered to ${(step.candidateGroups || []).join(', ')}`,
                step.due ? h('span', { className: 'text-muted' }, ' (due ', time(step.due), ')') : '')))
            : 'none');
    } else {
        add('Service', root.processDefinitionName || root.processDefinitionKey);
        add('Registered', time(root.startTime));
        add('Finished', time(root.endTime));
    }
    add('Process', stateBadge(root));
    return h('div', { className: 'mitan-history-summary' },
        h('dl', { className: 'dl-horizontal' }, rows),
        request.error ? h('div', { className: 'alert alert-warning' }, request.error.status === 403
            ? 'Your role may not read the application\'s record of this request (status and milestones). '
                + 'The process history below is complete.'
            : `The application's record of this request could not be read (HTTP ${request.error.status || '?'}: `
                + `${request.error.message}). The process history below is complete.`) : '',
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
    return section('Processes',
        table([
            ['Process', (i) => [i.processDefinitionName || i.processDefinitionKey,
                h('span', { className: 'text-muted' }, ` v${i.processDefinitionVersion}`)]],
            ['Called from', calledFrom],
            ['State', stateBadge],
            ['Started', (i) => time(i.startTime)],
            ['Ended', (i) => time(i.endTime)],
            ['Duration', lasted, 'mitan-history-number'],
            ['', (i) => format.isRunning(i) ? h('a', { href: cockpitInstanceLink(i) }, 'Open in Cockpit') : ''],
        ], instances, 'No processes.'));
}

function milestonesSection(milestones) {
    return section('Milestones (application record)',
        table([
            ['When', (m) => time(m.at), 'mitan-history-when'],
            ['Milestone', (m) => format.words(m.milestone)],
            ['By', (m) => m.actor || ''],
            ['Detail', (m) => m.detail || ''],
        ], chronological(milestones, 'at'), 'No milestones recorded.'));
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
            return h('span', { className: 'mitan-history-state mitan-history-state-cancelled' }, 'Cancelled');
        }
        if (!a.endTime) {
            return h('span', { className: 'mitan-history-state mitan-history-state-running' }, 'Open');
        }
        return 'Done';
    };
    const content = table([
        ['Started', (a) => time(a.startTime), 'mitan-history-when'],
        ['Ended', (a) => time(a.endTime), 'mitan-history-when'],
        ['Duration', lasted, 'mitan-history-number'],
        ['Process', (a) => processName(a.processInstanceId)],
        ['Step', (a) => a.activityName || a.activityId],
        ['Type', (a) => format.activityType(a.activityType)],
        ['Who', who],
        ['Outcome', outcome],
    ], rows, 'No steps recorded.', (a) => (format.isGateway(a.activityType) ? 'mitan-history-gateway' : null));
    const holder = h('div', { className: 'mitan-history-steps mitan-history-hide-gateways' }, content);
    const toggle = gateways ? h('label', { className: 'checkbox-inline mitan-history-toggle' },
        h('input', {
            type: 'checkbox',
            onchange: (event) => holder.classList.toggle('mitan-history-hide-gateways', !event.target.checked),
        }),
        ` Show gateways (${gateways})`) : '';
    return section(`Steps (${rows.length - gateways}${gateways ? ` + ${gateways} gateways` : ''})`, toggle, holder);
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
        const label = entry.operationType === 'Resolve' && incident ? 'Resolved an incident'
            : format.operation(entry.operationType);
        const on = format.entity(entry.entityType);
        if (task) {
            return [h('strong', null, label), ' task ', h('q', null, task)];
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
    return section(`User operations (${groups.length})`,
        table([
            ['When', (g) => time(g.first.timestamp), 'mitan-history-when'],
            ['Who', (g) => g.first.userId || ''],
            ['What', what],
            ['Entered or changed', details],
            ['Process', (g) => processName(g.first.processInstanceId)],
        ], groups, 'No user operations recorded (operations are logged when a person acts through Tasklist, '
            + 'Cockpit or the REST API; you need the permission to read the operation log).'));
}

function commentsSection(comments, activities, processName) {
    // A comment added to a task names the task only: its step says which process it was in.
    const taskSteps = new Map(activities.filter((a) => a.taskId).map((a) => [a.taskId, a]));
    const step = (c) => (c.taskId ? taskSteps.get(c.taskId) : null);
    return section(`Comments (${comments.length})`,
        table([
            ['When', (c) => time(c.time), 'mitan-history-when'],
            ['Who', (c) => c.userId || ''],
            ['Task', (c) => (step(c) ? step(c).activityName || step(c).activityId : '')],
            ['Comment', (c) => h('span', { className: 'mitan-history-comment' }, c.message || '')],
            ['Process', (c) => processName(c.processInstanceId || (step(c) ? step(c).processInstanceId : null))],
        ], chronological(comments, 'time'), 'No comments (officers, Mitans and supervisors add them to a task '
            + 'in Tasklist).'));
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
            `Raised in ${processName(cause.processInstanceId)}: `
            + (cause.incidentMessage || format.incidentType(cause.incidentType)))
            : '';
    };
    const state = (i) => {
        if (i.open) {
            return h('span', { className: 'mitan-history-state mitan-history-state-cancelled' }, 'Open');
        }
        if (i.resolved) {
            return 'Resolved';
        }
        return i.deleted ? 'Deleted' : '';
    };
    return section(`Incidents (${incidents.length})`,
        table([
            ['Raised', (i) => time(i.createTime), 'mitan-history-when'],
            ['Ended', (i) => time(i.endTime), 'mitan-history-when'],
            ['Process', (i) => processName(i.processInstanceId)],
            ['Step', (i) => {
                const activityId = i.failedActivityId || i.activityId;
                return stepNames.get(activityId) || activityId || '';
            }],
            ['Type', (i) => format.incidentType(i.incidentType)],
            ['Message', message],
            ['State', state],
        ], chronological(incidents, 'createTime'), 'No incidents.'));
}

/* ---------------------------------------------------------------------------------------------------------- */
/* The "Audit trail" tab of a running process instance.                                                        */
/* ---------------------------------------------------------------------------------------------------------- */

export function renderInstanceTab(node, api, processInstanceId, signal) {
    const reader = historyReader(api, signal);
    const root = h('div', { className: 'mitan-history mitan-history-tab' }, loading('Loading the audit trail…'));
    node.append(root);
    reader.instance(processInstanceId)
        .then((instance) => {
            if (!instance) {
                root.replaceChildren(h('div', { className: 'alert alert-warning' }, 'No history for this instance.'));
                return null;
            }
            const load = instance.businessKey ? reader.trail(instance.businessKey) : reader.instanceTrail(instance);
            return load.then((trail) => root.replaceChildren(
                h('p', null,
                    instance.businessKey
                        ? ['The whole trail of request ', h('strong', null, instance.businessKey),
                            ', across its process and the visits and deliveries it called. ',
                            h('a', { href: pageLink({ request: instance.businessKey }) },
                                'Open in Request history'), '. ']
                        : 'The trail of this instance and the instances it called. ',
                    h('span', { className: 'text-muted' }, timeZoneNote())),
                ...trailSections(trail, { withInstances: true })));
        })
        .catch((error) => {
            if (error.name !== 'AbortError') {
                root.replaceChildren(problem(error, 'the audit trail'));
            }
        });
}
