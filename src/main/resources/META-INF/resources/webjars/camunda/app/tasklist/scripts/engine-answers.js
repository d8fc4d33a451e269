/*
 * Mitan: one hook on the answers Tasklist gets from the engine. Tasklist talks to the engine's REST API with
 * XMLHttpRequest (its SDK) and with fetch (Camunda Forms); the Mitan scripts (registered-number/notice.js,
 * scripts/completed-task.js, scripts/form-checks.js) register here for the answers they read, and this module wraps
 * XMLHttpRequest.open and fetch once for all of them. It only reads answers the user's own session already
 * received: it sends nothing and changes no request or answer.
 */
const listeners = [];

/**
 * Calls listener(answer, url) when an answer to a request with this method whose address matches the pattern has
 * arrived, whatever its status; answer is {status, text}.
 */
export function onAnswer(method, pattern, listener) {
    listeners.push({method, pattern, listener});
}

/** The answer's JSON, or null when it is not JSON. */
export function answerJson(answer) {
    try {
        return JSON.parse(answer.text);
    } catch (e) {
        return null;
    }
}

function listenersFor(method, url) {
    const verb = String(method || 'GET').toUpperCase();
    const address = String(url);
    return listeners.filter(each => each.method === verb && each.pattern.test(address));
}

function tell(matching, answer, url) {
    matching.forEach(each => {
        try {
            each.listener(answer, String(url));
        } catch (e) {
            console.error(e);
        }
    });
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const matching = listenersFor(method, url);
    if (matching.length) {
        this.addEventListener('load', () => {
            const text = this.responseType === '' || this.responseType === 'text' ? this.responseText : '';
            tell(matching, {status: this.status, text}, url);
        });
    }
    return open.call(this, method, url, ...rest);
};

const originalFetch = window.fetch;
window.fetch = function (resource, options) {
    const url = resource instanceof Request ? resource.url : resource;
    const method = (options && options.method) || (resource instanceof Request ? resource.method : 'GET');
    const answered = originalFetch.apply(this, arguments);
    const matching = listenersFor(method, url);
    if (matching.length) {
        answered.then(response => response.clone().text()
            .then(text => tell(matching, {status: response.status, text}, url)))
            .catch(() => {
                // No answer (the network): nothing to read.
            });
    }
    return answered;
};
