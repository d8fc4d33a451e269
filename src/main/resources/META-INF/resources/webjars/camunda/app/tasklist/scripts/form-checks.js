/*
 * Mitan: refusals beside the field they are about, in the user's words, before the form is sent where the form can
 * know. Camunda Forms in Tasklist take what they are given and Tasklist shows the engine's refusal at the top of the
 * form, often scrolled out of view. This script adds three checks to every Camunda Form Tasklist shows:
 *
 * - Dates are read strictly in the order the field shows (its placeholder, e.g. dd/mm/yyyy): the date picker would
 *   turn 11/20/2026 into 11/08/2027 by counting the 20th month on. A date that is not on the calendar is refused and
 *   kept as typed, so that the user sees what to correct. A particular (a field whose key starts with
 *   "particular_") records something that has happened, so it cannot lie after today in India, nor before
 *   1 January 1800 (a year such as 0202 or 1202 is a slip; StateCalendar.EARLIEST_RECORDED): the server refuses
 *   both too. Camunda Forms' date picker takes no date before 1 January 1900 (it would empty the field): such a date
 *   is kept as typed and refused with that reason.
 * - The ward of a start form must be a ward of the chosen urban body (GET /api/bodies gives each active body's
 *   ward count).
 * - When the engine still refuses a form (400), its message is shown beside the field it names as well.
 *
 * Complete and Start do nothing while a refusal stands. The server's checks stay the law; these only say it sooner
 * and closer. The form's fields are read from the form the engine served (GET .../deployed-form or
 * .../deployed-start-form): form-js ends each input's id with the field's id (a date input's with "-date").
 *
 * Registered by scripts/config.js (customScripts). Plain ES module, no build step.
 */
import {answerJson, onAnswer} from './engine-answers.js';

const SERVED_FORM = /\/(task\/[^/?]+\/deployed-form|process-definition\/[^?]*\/deployed-start-form)(\?|$)/;
const SUBMITTED_FORM = /\/(task|process-definition)\/[^?]+\/submit-form(\?|$)/;
const SEND_BUTTONS = 'button[ng-click="complete()"], button[ng-click="startProcessInstance()"]';
const DATE_INPUT = '.fjs-datepicker input.fjs-input';
const PARTICULAR = /^particular_/;
/** The earliest date a particular may hold, as the server's StateCalendar.EARLIEST_RECORDED. */
const EARLIEST_RECORDED = '1800-01-01';
/** The first day Camunda Forms' date picker takes (its minDate): it empties the field for an earlier date. */
const PICKER_EARLIEST = '1900-01-01';

/** The fields of the forms served so far, by field id. */
const fields = new Map();

onAnswer('GET', SERVED_FORM, answer => {
    const form = answerJson(answer);
    if (answer.status === 200 && form) {
        collect(form.components);
    }
});

function collect(components) {
    (components || []).forEach(component => {
        if (component && component.id) {
            fields.set(component.id, component);
        }
        collect(component && component.components);
    });
}

/** The form field an element of the form belongs to (form-js ends its id with the field's id, or id-date). */
function fieldOf(element) {
    const id = element && element.id || '';
    for (const [fieldId, field] of fields) {
        if (id === fieldId || id.endsWith('-' + fieldId) || id.endsWith('-' + fieldId + '-date')) {
            return field;
        }
    }
    return null;
}

function labelOf(field) {
    return field && (field.dateLabel || field.label) || (field && field.key) || '';
}

/** The inputs of a form in this part of the page, with their fields. */
function inputsIn(scope) {
    return [...scope.querySelectorAll('.fjs-container input, .fjs-container textarea, .fjs-container select')]
        .map(input => ({input, field: fieldOf(input)}))
        .filter(each => each.field);
}

// ---- refusals beside the field

function mark(input, refusal) {
    const wrapper = input.closest('.fjs-form-field') || input.parentNode;
    let note = [...wrapper.children].find(child => child.classList.contains('mitan-field-refusal'));
    if (!refusal) {
        note?.remove();
        wrapper.classList.remove('mitan-field-refused');
        input.removeAttribute('aria-invalid');
        return;
    }
    if (!note) {
        note = document.createElement('div');
        note.className = 'mitan-field-refusal';
        note.setAttribute('role', 'alert');
        wrapper.appendChild(note);
    }
    note.textContent = refusal;
    wrapper.classList.add('mitan-field-refused');
    input.setAttribute('aria-invalid', 'true');
}

function bilingual(english, hindi) {
    return english + ' (' + hindi + ')';
}

// ---- dates

/** Today in India as yyyy-mm-dd. */
function todayInIndia() {
    return new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit',
        day: '2-digit'}).format(new Date());
}

/** The order of day, month and year the field shows, from its placeholder (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd). */
function orderOf(input) {
    const parts = (input.placeholder || 'dd/mm/yyyy').toLowerCase().split(/[^a-z]+/).filter(Boolean);
    const order = parts.map(part => part[0]);
    return order.length === 3 && ['d', 'm', 'y'].every(letter => order.includes(letter)) ? order : ['d', 'm', 'y'];
}

/** A date in the field's order, e.g. today's. */
function shown(iso, input) {
    const [year, month, day] = iso.split('-');
    const parts = {d: day, m: month, y: year};
    const separator = ((input.placeholder || '').match(/[^a-z]/i) || ['/'])[0];
    return orderOf(input).map(letter => parts[letter]).join(separator);
}

/** The typed text as yyyy-mm-dd when it is a calendar date in the field's order; null otherwise. */
function strictDate(text, input) {
    const parts = text.split(/[\/.\-\s]+/);
    if (parts.length !== 3 || !parts.every(part => /^\d+$/.test(part))) {
        return null;
    }
    const value = {};
    orderOf(input).forEach((letter, at) => value[letter] = parts[at]);
    if (value.y.length !== 4 || value.d.length > 2 || value.m.length > 2) {
        return null;
    }
    const year = Number(value.y);
    const month = Number(value.m);
    const day = Number(value.d);
    // setUTCFullYear takes the year as written: Date.UTC would read 0099 as 1999. A date before the picker's first
    // day is still a calendar date: dateRefusal says why it cannot be taken.
    const calendar = new Date(0);
    calendar.setUTCFullYear(year, month - 1, day);
    if (month < 1 || month > 12 || day < 1 || calendar.getUTCMonth() !== month - 1) {
        return null;
    }
    return calendar.toISOString().substring(0, 10);
}

/** Why the date typed in this input is refused; null when it is not. */
function dateRefusal(input) {
    const text = input.value.trim();
    if (!text) {
        return null;
    }
    const field = fieldOf(input);
    const today = todayInIndia();
    const shape = (input.placeholder || 'dd/mm/yyyy').toUpperCase();
    const date = strictDate(text, input);
    if (!date) {
        return bilingual(text + ' is not a date on the calendar. Type it as ' + shape + ', for example '
            + shown(today, input) + '.',
            text + ' कैलेंडर की तिथि नहीं है। इसे ' + shape + ' के रूप में लिखें, जैसे ' + shown(today, input));
    }
    if (field && PARTICULAR.test(field.key || '') && date > today) {
        return bilingual(labelOf(field) + ' cannot be after today, ' + shown(today, input) + '.',
            'आज (' + shown(today, input) + ') के बाद की तिथि नहीं हो सकती');
    }
    if (field && PARTICULAR.test(field.key || '') && date < EARLIEST_RECORDED) {
        const earliest = shown(EARLIEST_RECORDED, input);
        return bilingual(labelOf(field) + ' cannot be before ' + earliest + '. Check the year.',
            earliest + ' से पहले की तिथि नहीं हो सकती; वर्ष जाँचें');
    }
    if (date < PICKER_EARLIEST) {
        const first = shown(PICKER_EARLIEST, input);
        return bilingual(text + ' is before ' + first + ', the first day this form\'s calendar takes.',
            'इस फ़ॉर्म का कैलेंडर ' + first + ' से पहले की तिथि नहीं लेता');
    }
    return null;
}

function isDateInput(target) {
    return target instanceof HTMLInputElement && target.matches(DATE_INPUT);
}

/*
 * Before the date picker reads a typed date (on leaving the field or on Enter): a date not on the calendar stops
 * there, as typed, so the picker cannot count it on into another date; so does a date before the picker's first day,
 * which it would empty.
 */
function beforeThePicker(event) {
    if (!isDateInput(event.target)) {
        return;
    }
    if (event.type === 'keydown' && event.key !== 'Enter') {
        return;
    }
    const refusal = dateRefusal(event.target);
    mark(event.target, refusal);
    const date = strictDate(event.target.value.trim(), event.target);
    if (refusal && (!date || date < PICKER_EARLIEST)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}

document.addEventListener('blur', beforeThePicker, true);
document.addEventListener('keydown', beforeThePicker, true);
// Typing mends the date: its refusal goes until the field is left. A date the picker writes (picked on the
// calendar, or read from what was typed) is checked as soon as the field shows it.
function afterAChange(event) {
    if (isDateInput(event.target)) {
        mark(event.target, event.isTrusted && event.type === 'input' ? null : dateRefusal(event.target));
    }
}

document.addEventListener('input', afterAChange);
document.addEventListener('change', afterAChange);

// ---- the ward of the chosen urban body

let bodies = null;
let bodiesLoading = null;

function loadBodies() {
    if (bodies || bodiesLoading) {
        return bodiesLoading || Promise.resolve(bodies);
    }
    const at = window.location.pathname.indexOf('/camunda/app/');
    const root = at < 0 ? '' : window.location.pathname.substring(0, at);
    bodiesLoading = fetch(root + '/api/bodies', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then(answer => answer.ok ? answer.json() : null)
        .catch(() => null)
        .then(list => {
            bodies = Array.isArray(list) ? list : null;
            bodiesLoading = null;
            return bodies;
        });
    return bodiesLoading;
}

/** The code of the body chosen in the form's bodyCode select (form-js shows the option's label). */
function chosenBody(inputs) {
    const select = inputs.find(each => each.field.key === 'bodyCode');
    if (!select) {
        return null;
    }
    const wrapper = select.input.closest('.fjs-form-field');
    const display = wrapper && wrapper.querySelector('.fjs-select-display');
    const label = (select.input.tagName === 'SELECT' ? select.input.value
        : (select.input.value || (display && display.textContent) || '')).trim();
    const option = (select.field.values || []).find(each => each.label === label || each.value === label);
    return option ? option.value : null;
}

/** Why the ward typed is refused for the body chosen; null when it is not, or when that cannot be known yet. */
function wardRefusal(inputs) {
    const ward = inputs.find(each => each.field.key === 'ward');
    const code = chosenBody(inputs);
    if (!ward || !code || !ward.input.value.trim() || !bodies) {
        return null;
    }
    const body = bodies.find(each => each.code === code);
    if (!body) {
        return {input: ward.input, refusal: bilingual('This urban body takes no requests now. Check the body with'
            + ' the citizen.', 'यह नगरीय निकाय अभी आवेदन नहीं ले रहा है। नागरिक से निकाय फिर पूछें')};
    }
    const number = Number(ward.input.value.trim());
    if (Number.isInteger(number) && number >= 1 && number <= body.wards) {
        return {input: ward.input, refusal: null};
    }
    return {input: ward.input, refusal: bilingual(body.nameEn + ' has wards 1 to ' + body.wards
        + '. Ask the citizen for the ward number again.',
        body.nameHi + ' में वार्ड 1 से ' + body.wards + ' तक हैं। नागरिक से वार्ड क्रमांक फिर पूछें')};
}

function checkWard(scope) {
    const inputs = inputsIn(scope);
    if (!inputs.some(each => each.field.key === 'ward')) {
        return;
    }
    loadBodies().then(() => {
        const result = wardRefusal(inputsIn(scope));
        if (result) {
            mark(result.input, result.refusal);
        }
    });
}

document.addEventListener('focusout', event => {
    const form = event.target instanceof Element && event.target.closest('.fjs-container');
    if (form) {
        checkWard(form);
    }
});

// ---- Complete and Start wait until every refusal is mended

function scopeOf(button) {
    return button.closest('.modal-content') || document;
}

document.addEventListener('click', event => {
    const button = event.target instanceof Element && event.target.closest(SEND_BUTTONS);
    if (!button) {
        return;
    }
    const scope = scopeOf(button);
    const refused = [];
    scope.querySelectorAll(DATE_INPUT).forEach(input => {
        const refusal = dateRefusal(input);
        mark(input, refusal);
        if (refusal) {
            refused.push(input);
        }
    });
    const ward = wardRefusal(inputsIn(scope));
    if (ward) {
        mark(ward.input, ward.refusal);
        if (ward.refusal) {
            refused.push(ward.input);
        }
    }
    if (refused.length) {
        event.preventDefault();
        event.stopImmediatePropagation();
        refused[0].scrollIntoView({block: 'center'});
        refused[0].focus({preventScroll: true});
    }
}, true);

// ---- what the engine still refuses, beside the field it names

onAnswer('POST', SUBMITTED_FORM, answer => {
    const message = answer.status === 400 ? answerJson(answer)?.message : null;
    if (typeof message !== 'string') {
        return;
    }
    const sentences = message.replace(/^.*?Please correct: /, '').split(/;\s+/);
    const named = inputsIn(document).filter(each => each.field.key && sentences.some(sentence =>
        sentence.startsWith(each.field.key + ' ') || sentence.startsWith(each.field.key + ':')));
    named.forEach(({input, field}) => {
        const sentence = sentences.find(each => each.startsWith(field.key));
        mark(input, labelOf(field) + sentence.substring(field.key.length));
    });
    if (named.length) {
        named[0].input.scrollIntoView({block: 'center'});
    }
});
