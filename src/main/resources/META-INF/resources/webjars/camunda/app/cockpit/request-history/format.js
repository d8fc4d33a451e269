/*
 * Mitan "Request history": how values read to a person (dates, numbers, durations, names of states and types), in
 * the locale Cockpit chose (messages.js). In Hindi, dates and numbers are formatted for hi-IN with Latin digits, as
 * Cockpit's and Tasklist's Hindi dates (locales/hi.json) and the field page are.
 */
import { LOCALE, nameOf, t } from './messages.js';

const HINDI = LOCALE === 'hi';
const HINDI_DATE = new Intl.DateTimeFormat('hi-IN', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', numberingSystem: 'latn',
});
const HINDI_NUMBER = new Intl.NumberFormat('hi-IN', { numberingSystem: 'latn' });

/** Camunda writes offsets as +0000; browsers want +00:00. */
export function parseDate(value) {
    if (!value) {
        return null;
    }
    const date = new Date(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return Number.isNaN(date.getTime()) ? null : date;
}

const two = (n) => String(n).padStart(2, '0');

/** 2026-03-04 10:15:02 (in Hindi 4 मार्च 2026, 10:15:02) in the browser's time zone. */
export function dateTime(value) {
    const date = parseDate(value);
    if (!date) {
        return '';
    }
    if (HINDI) {
        return HINDI_DATE.format(date);
    }
    return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} `
        + `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** A count: 1234 (in Hindi 1,234; 1,00,000 for a lakh). */
export function number(value) {
    return HINDI ? HINDI_NUMBER.format(value) : String(value);
}

/** UTC+05:30 for India. */
export function timeZoneLabel(date = new Date()) {
    const minutes = -date.getTimezoneOffset();
    const sign = minutes >= 0 ? '+' : '-';
    const abs = Math.abs(minutes);
    return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

const unit = (key, count) => t(key, number(count), count);

/** 850 ms, 12 s, 5 min 3 s, 2 h 10 min, 3 d 4 h (in Hindi 5 मिनट 3 सेकंड, 2 घंटे 10 मिनट...). */
export function duration(millis) {
    if (millis === null || millis === undefined || millis === '') {
        return '';
    }
    const ms = Number(millis);
    if (ms < 1000) {
        return unit('milliseconds', ms);
    }
    const seconds = Math.floor(ms / 1000);
    if (seconds < 60) {
        return unit('seconds', seconds);
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        return seconds % 60 ? `${unit('minutes', minutes)} ${unit('seconds', seconds % 60)}` : unit('minutes', minutes);
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 24) {
        return minutes % 60 ? `${unit('hours', hours)} ${unit('minutes', minutes % 60)}` : unit('hours', hours);
    }
    const days = Math.floor(hours / 24);
    return hours % 24 ? `${unit('days', days)} ${unit('hours', hours % 24)}` : unit('days', days);
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

/** The look of each historic process instance state (its CSS modifier). */
const INSTANCE_STATES = {
    ACTIVE: 'running',
    SUSPENDED: 'suspended',
    COMPLETED: 'completed',
    EXTERNALLY_TERMINATED: 'cancelled',
    INTERNALLY_TERMINATED: 'cancelled',
};

/** A code's name of the kind given (messages.js NAMES), else English words made of the code. */
function named(kind, code) {
    return nameOf(kind, code) || words(code);
}

/** [label, css modifier] of a historic process instance state. */
export function instanceState(state) {
    return [named('instanceState', state), INSTANCE_STATES[state] || 'other'];
}

export function isRunning(instance) {
    return instance.state === 'ACTIVE' || instance.state === 'SUSPENDED';
}

export function activityType(type) {
    return named('activityType', type);
}

/** Gateways only route the flow; every other step (tasks, calls, events, timers) tells what happened. */
export function isGateway(type) {
    return /Gateway$/.test(type || '');
}

export function operation(type) {
    return named('operation', type);
}

export function entity(type) {
    return nameOf('entity', type) || words(type).toLowerCase();
}

export function incidentType(type) {
    return named('incidentType', type);
}

/** A request's status or milestone as the application records it (REGISTERED, OUT_FOR_DELIVERY...). */
export function milestone(code) {
    return named('milestone', code);
}

/** A variable value as text: short values whole, long ones cut (the whole value stays in the tooltip). */
export function variableValue(update) {
    if (update.value === null || update.value === undefined) {
        const empty = update.variableType === 'Null' || update.variableType === undefined;
        return empty ? t('empty') : `(${update.variableType})`;
    }
    const text = typeof update.value === 'string' ? update.value : JSON.stringify(update.value);
    return text;
}

export function shorten(text, max = 120) {
    const value = String(text);
    return value.length > max ? value.slice(0, max - 1) + '…' : value;
}
