/* Mitan "Request history": how values read to a person (dates, durations, names of states and types). */

/** Camunda writes offsets as +0000; browsers want +00:00. */
export function parseDate(value) {
    if (!value) {
        return null;
    }
    const date = new Date(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return Number.isNaN(date.getTime()) ? null : date;
}

const two = (n) => String(n).padStart(2, '0');

/** 2026-03-04 10:15:02 in the browser's time zone. */
export function dateTime(value) {
    const date = parseDate(value);
    if (!date) {
        return '';
    }
    return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} `
        + `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** UTC+05:30 for India. */
export function timeZoneLabel(date = new Date()) {
    const minutes = -date.getTimezoneOffset();
    const sign = minutes >= 0 ? '+' : '-';
    const abs = Math.abs(minutes);
    return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** 850 ms, 12 s, 5 min 3 s, 2 h 10 min, 3 d 4 h. */
export function duration(millis) {
    if (millis === null || millis === undefined || millis === '') {
        return '';
    }
    const ms = Number(millis);
    if (ms < 1000) {
        return `${ms} ms`;
    }
    const seconds = Math.floor(ms / 1000);
    if (seconds < 60) {
        return `${seconds} s`;
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 24) {
        return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
    }
    const days = Math.floor(hours / 24);
    return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Milliseconds between two engine dates, or since the first when the second is missing. */
export function between(start, end) {
    const from = parseDate(start);
    const to = end ? parseDate(end) : new Date();
    return from && to ? Math.max(0, to.getTime() - from.getTime()) : null;
}

/** "userTask" -> "User task", "OUT_FOR_DELIVERY" -> "Out for delivery". */
export function words(value) {
    if (!value) {
        return '';
    }
    const text = String(value)
        .replace(/_/g, ' ')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
}

const INSTANCE_STATES = {
    ACTIVE: ['Running', 'running'],
    SUSPENDED: ['Suspended', 'suspended'],
    COMPLETED: ['Completed', 'completed'],
    EXTERNALLY_TERMINATED: ['Cancelled', 'cancelled'],
    INTERNALLY_TERMINATED: ['Terminated by the process', 'cancelled'],
};

/** [label, css modifier] of a historic process instance state. */
export function instanceState(state) {
    return INSTANCE_STATES[state] || [words(state), 'other'];
}

export function isRunning(instance) {
    return instance.state === 'ACTIVE' || instance.state === 'SUSPENDED';
}

const ACTIVITY_TYPES = {
    noneEndEvent: 'End event',
    startEvent: 'Start event',
    exclusiveGateway: 'Gateway (exclusive)',
    parallelGateway: 'Gateway (parallel)',
    inclusiveGateway: 'Gateway (inclusive)',
    eventBasedGateway: 'Gateway (event-based)',
    boundaryTimer: 'Timer (boundary)',
    boundaryError: 'Error (boundary)',
    boundaryMessage: 'Message (boundary)',
    intermediateTimer: 'Timer',
    multiInstanceBody: 'Repeated step',
};

export function activityType(type) {
    return ACTIVITY_TYPES[type] || words(type);
}

/** Gateways only route the flow; every other step (tasks, calls, events, timers) tells what happened. */
export function isGateway(type) {
    return /Gateway$/.test(type || '');
}

const OPERATIONS = {
    Claim: 'Claimed',
    Complete: 'Completed',
    Assign: 'Assigned',
    Delegate: 'Delegated',
    Resolve: 'Resolved',
    SetOwner: 'Changed the owner',
    SetPriority: 'Changed the priority',
    Update: 'Updated',
    Create: 'Created',
    Delete: 'Deleted',
    SetVariable: 'Set a variable',
    SetVariables: 'Set variables',
    ModifyVariable: 'Changed variables',
    RemoveVariable: 'Removed a variable',
    DeleteHistory: 'Deleted history',
    Suspend: 'Suspended',
    Activate: 'Activated',
    ModifyProcessInstance: 'Moved the process',
    SetJobRetries: 'Retried a failed job',
    SetExternalTaskRetries: 'Retried an external task',
    CreateIncident: 'Raised an incident',
    SetRemovalTime: 'Changed the retention',
    SetAnnotation: 'Annotated',
};

export function operation(type) {
    return OPERATIONS[type] || words(type);
}

const ENTITIES = {
    ProcessInstance: 'process instance',
    Task: 'task',
    Variable: 'variable',
    Job: 'job',
    JobDefinition: 'job definition',
    Incident: 'incident',
    IdentityLink: 'task assignment',
    Attachment: 'attachment',
};

export function entity(type) {
    return ENTITIES[type] || words(type).toLowerCase();
}

const INCIDENT_TYPES = {
    failedJob: 'Failed job',
    failedExternalTask: 'Failed external task',
};

export function incidentType(type) {
    return INCIDENT_TYPES[type] || words(type);
}

/** A variable value as text: short values whole, long ones cut (the whole value stays in the tooltip). */
export function variableValue(update) {
    if (update.value === null || update.value === undefined) {
        const empty = update.variableType === 'Null' || update.variableType === undefined;
        return empty ? '(empty)' : `(${update.variableType})`;
    }
    const text = typeof update.value === 'string' ? update.value : JSON.stringify(update.value);
    return text;
}

export function shorten(text, max = 120) {
    const value = String(text);
    return value.length > max ? value.slice(0, max - 1) + '…' : value;
}
