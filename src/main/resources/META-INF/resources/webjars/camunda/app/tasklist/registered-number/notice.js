/*
 * Mitan: the request number for the call-centre agent. Tasklist's start form answers a registration with a toast,
 * "The process has been started.", and nothing else; the engine's answer to the form
 * (POST .../process-definition/{id}/submit-form) is the started process instance, whose business key is the request
 * number the registration gave it. This script reads that answer and shows the number, in English and Hindi, in a
 * notice that stays until the agent closes it, with what happens next for the citizen.
 *
 * Registered by scripts/config.js (customScripts). It only reads answers the agent's own session already
 * received: it sends nothing and changes no rule of who may start what. Plain ES module, no build step.
 */
const SUBMIT_START_FORM = /\/process-definition\/[^/?]+(\/[^/?]+)?\/submit-form(\?|$)/;
const NOTICE_ID = 'mitan-registered-number';

function show(number) {
    document.getElementById(NOTICE_ID)?.remove();
    const notice = document.createElement('div');
    notice.id = NOTICE_ID;
    notice.setAttribute('role', 'status');
    notice.setAttribute('aria-live', 'polite');
    notice.style.cssText = 'position:fixed;top:60px;left:50%;transform:translateX(-50%);z-index:2000;'
        + 'max-width:36em;padding:12px 40px 12px 16px;background:#dff0d8;color:#2b542c;border:1px solid #3c763d;'
        + 'border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.3);font-size:15px;line-height:1.5';
    const english = document.createElement('p');
    english.style.margin = '0 0 6px';
    english.append('Request registered: ');
    const strong = document.createElement('strong');
    strong.className = 'mitan-request-number';
    strong.style.fontSize = '18px';
    strong.textContent = number;
    english.append(strong, '. Tell the citizen this number. They get an SMS with it and a link to follow the'
        + ' request; a Mitan will be assigned to visit their home.');
    const hindi = document.createElement('p');
    hindi.lang = 'hi';
    hindi.style.margin = '0';
    hindi.textContent = 'आवेदन दर्ज हुआ: ' + number + '। नागरिक को यह नंबर बताइए। उन्हें इस नंबर और आवेदन की स्थिति'
        + ' देखने के लिंक के साथ SMS मिलेगा; घर आने के लिए एक मितान तय किया जाएगा।';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', 'Close / बंद करें');
    close.style.cssText = 'position:absolute;top:8px;right:12px';
    close.textContent = '×';
    close.addEventListener('click', () => notice.remove());
    notice.append(english, hindi, close);
    document.body.appendChild(notice);
}

function numberFrom(text) {
    try {
        const instance = JSON.parse(text);
        return typeof instance?.businessKey === 'string' && instance.businessKey ? instance.businessKey : null;
    } catch (e) {
        return null;
    }
}

// Tasklist's SDK sends forms with XMLHttpRequest.
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(method).toUpperCase() === 'POST' && SUBMIT_START_FORM.test(String(url))) {
        this.addEventListener('load', () => {
            if (this.status >= 200 && this.status < 300) {
                const number = numberFrom(this.responseText);
                if (number) {
                    show(number);
                }
            }
        });
    }
    return open.call(this, method, url, ...rest);
};
