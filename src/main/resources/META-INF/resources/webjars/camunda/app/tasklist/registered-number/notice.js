/*
 * Mitan: the request number for the call-centre agent. Tasklist's start form answers a registration with a toast,
 * "The process has been started.", and nothing else; the engine's answer to the form
 * (POST .../process-definition/{id}/submit-form) is the started process instance, whose business key is the request
 * number the registration gave it. This script reads that answer and shows the number, in English and Hindi, in a
 * notice that stays until the agent closes it, with what happens next for the citizen.
 *
 * Registered by scripts/config.js (customScripts). Plain ES module, no build step.
 */
import {answerJson, onAnswer} from '../scripts/engine-answers.js';
import {highlighted, showNotice} from '../scripts/notices.js';

const SUBMIT_START_FORM = /\/process-definition\/[^/?]+(\/[^/?]+)?\/submit-form(\?|$)/;

onAnswer('POST', SUBMIT_START_FORM, answer => {
    const number = answerJson(answer)?.businessKey;
    if (answer.status < 200 || answer.status >= 300 || typeof number !== 'string' || !number) {
        return;
    }
    showNotice('mitan-registered-number', ['Request registered: ', highlighted(number, 'mitan-request-number'),
        '. Tell the citizen this number. They get an SMS with it and a link to follow the request; a Mitan will be'
        + ' assigned to visit their home.'],
        'आवेदन दर्ज हुआ: ' + number + '। नागरिक को यह नंबर बताइए। उन्हें इस नंबर और आवेदन की स्थिति देखने के लिंक के'
        + ' साथ SMS मिलेगा; घर आने के लिए एक मितान तय किया जाएगा।');
});
