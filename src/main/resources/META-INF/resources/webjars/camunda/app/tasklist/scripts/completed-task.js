/*
 * Mitan: completing a task says what was done. Tasklist completes a task form with no word about which task or
 * request it was: a Mitan who completes a visit or a delivery, or an officer a decision, cannot tell it went
 * through. When the engine has accepted a task form (POST .../task/{id}/submit-form answers 2xx), this script shows
 * a notice naming the task and its request (the task's description, which names the request, the masked citizen,
 * the ward and the certificate), in English and Hindi, until the user closes it.
 *
 * The task's name and description come from the engine's answer when Tasklist opened the task
 * (GET .../task/{id}). Registered by scripts/config.js (customScripts). Plain ES module, no build step.
 */
import {answerJson, onAnswer} from './engine-answers.js';
import {highlighted, showNotice} from './notices.js';

const OPENED_TASK = /\/task\/([^/?]+)(\?|$)/;
const SUBMITTED_TASK_FORM = /\/task\/([^/?]+)\/submit-form(\?|$)/;
const opened = new Map();

onAnswer('GET', OPENED_TASK, answer => {
    const task = answerJson(answer);
    if (answer.status === 200 && task && typeof task.id === 'string') {
        opened.set(task.id, {name: task.name || '', description: task.description || ''});
    }
});

onAnswer('POST', SUBMITTED_TASK_FORM, (answer, url) => {
    if (answer.status < 200 || answer.status >= 300) {
        return;
    }
    const task = opened.get(decodeURIComponent(url.match(SUBMITTED_TASK_FORM)[1])) || {name: '', description: ''};
    const request = task.description ? ' — ' + task.description : '';
    showNotice('mitan-task-completed', ['Done: ', highlighted(task.name || 'the task', 'mitan-completed-task'), request,
        '. It is saved.'],
        'पूरा हुआ: ' + (task.name || 'कार्य') + request + '। यह सहेज लिया गया है।');
});
