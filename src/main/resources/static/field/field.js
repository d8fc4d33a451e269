// The Mitan's field page: today's visits and deliveries, scans from the phone's camera sent through a queue that
// survives a dropped network and a reload, the visit's outcome, the type's particulars form, the delivery OTP.
// Plain JavaScript, no framework. Everything the page shows of people is set as text, never as HTML.
'use strict';
(() => {
  const LIMIT = 500 * 1024;           // a scan is sent at most this big (JPEG)
  const ENGINE = '/camunda/api/engine/engine/default';
  const EARLIEST_DATE = '1800-01-01'; // the earliest date a certificate records (StateCalendar.EARLIEST_RECORDED)
  const app = document.getElementById('app');
  const net = document.getElementById('net');
  const langButton = document.getElementById('lang');

  const TEXT = {
    hi: {
      other: 'English', loading: 'लोड हो रहा है…', login: 'लॉग इन', user: 'यूज़र नाम', password: 'पासवर्ड',
      loginFailed: 'यूज़र नाम या पासवर्ड गलत है।', logout: 'लॉग आउट', today: 'आज का काम', nothing: 'अभी कोई काम नहीं है।',
      visit: 'घर पर भेंट', particulars: 'विवरण भरें', delivery: 'प्रमाण पत्र पहुँचाना', task: 'कार्य',
      overdue: 'देर हो चुकी', due: 'अंतिम तिथि', ward: 'वार्ड', call: 'कॉल करें', map: 'नक्शा', open: 'खोलें',
      back: '← वापस', offline: 'ऑफ़लाइन', online: 'ऑनलाइन', queued: n => `${n} फ़ोटो भेजना बाकी`,
      stale: 'नेटवर्क नहीं है: पिछली बार की सूची दिखाई जा रही है।', docs: 'दस्तावेज़', oneOf: 'इनमें से कोई एक',
      mandatory: 'ज़रूरी', optional: 'वैकल्पिक', done: 'पूरा', photo: 'फ़ोटो लें', pages: n => `${n} पेज भेजे गए`,
      takeAgain: 'लौटाया गया — फिर से लें', takeAgainFirst: 'कार्यालय ने ये लौटाए हैं, पहले इनकी नई फ़ोटो भेजें: ',
      waiting: 'भेजने की कतार में', sending: 'भेजा जा रहा है', failed: 'नहीं भेजा जा सका', retry: 'फिर भेजें',
      remove: 'हटाएँ', preparing: 'फ़ोटो छोटी की जा रही है…', outcome: 'भेंट का परिणाम',
      returned: 'कार्यालय ने लौटाया, यह ठीक करें:', problems: 'भेजे गए दस्तावेज़ों में कमियाँ:',
      collected: 'दस्तावेज़ मिल गए और भेज दिए', documentsMissing: 'दस्तावेज़ अधूरे: नागरिक लाएंगे',
      citizenNotHome: 'नागरिक घर पर नहीं मिले', withdrawn: 'नागरिक ने आवेदन वापस लिया', remarks: 'टिप्पणी',
      report: 'भेंट दर्ज करें', chooseOutcome: 'भेंट का परिणाम चुनें।',
      waitUploads: 'सभी फ़ोटो भेजे जाने तक रुकें, फिर भेंट दर्ज करें।', missing: 'ये दस्तावेज़ अभी नहीं भेजे गए: ',
      reported: 'भेंट दर्ज हो गई।', needsNetwork: 'इसके लिए नेटवर्क चाहिए। नेटवर्क आने पर फिर दबाएँ।',
      save: 'जमा करें', saved: 'जमा हो गया।', required: 'भरना ज़रूरी है', tooLong: 'बहुत लंबा है',
      future: 'आज के बाद की तिथि नहीं हो सकती', tooEarly: '1800 से पहले की तिथि नहीं हो सकती; वर्ष जाँचें',
      badFormat: 'सही रूप में भरें', certificate: 'प्रमाण पत्र', viewCertificate: 'प्रमाण पत्र देखें',
      otp: 'नागरिक का OTP (6 अंक)', attemptsLeft: (n, m) => `${m} में से ${n} प्रयास बाकी`,
      locked: 'बहुत बार गलत OTP: वितरण रुका है। पर्यवेक्षक से संपर्क करें।', confirm: 'OTP से सौंपें',
      resend: 'नया OTP भेजें', resendAt: time => `नया OTP ${time} के बाद भेज सकते हैं`,
      delivered: 'प्रमाण पत्र सौंप दिया गया।', proof: 'सौंपते समय फ़ोटो (प्रमाण)', otpSent: 'नया OTP भेज दिया गया।',
      unsent: n => `${n} फ़ोटो अभी भेजे नहीं गए। फिर भी लॉग आउट करें?`,
      window: {MORNING: 'सुबह 8–12', AFTERNOON: 'दोपहर 12–4', EVENING: 'शाम 4–8'},
      fee: (name, rupees) => `${name}: ₹${rupees}`, cash: 'नकद मिला', upi: 'UPI से मिला',
      upiReference: 'UPI लेन-देन संख्या (12 अंक, नागरिक के फ़ोन पर)', feePaid: receipt => `जमा हो गया। रसीद ${receipt}`,
      expired: 'लॉग इन का समय समाप्त हो गया। फिर लॉग इन करें: भरी हुई जानकारी बची रहेगी।',
      again: 'फिर लॉग इन हो गया। भेजने के लिए बटन फिर दबाएँ।',
      unreadable: 'यह फ़ोटो खोली नहीं जा सकी (जैसे HEIC फ़ाइल)। कैमरा बटन से फिर फ़ोटो लें।',
      phoneFull: 'फ़ोन में जगह नहीं है: फ़ोटो कतार में नहीं रखी जा सकी। जगह खाली करके फिर फ़ोटो लें।',
      // put in front of a refusal the server said in English only, by its status
      refused: {400: 'भेजी गई जानकारी स्वीकार नहीं हुई:', 403: 'आपको यह करने की अनुमति नहीं है:',
        404: 'यह नहीं मिला:', 409: 'आवेदन की स्थिति बदल चुकी है, यह अभी नहीं हो सकता:', 413: 'फ़ाइल बहुत बड़ी है:',
        415: 'यह फ़ाइल JPEG या PNG फ़ोटो नहीं है:', 422: 'फ़ाइल स्वीकार नहीं हुई, फिर से फ़ोटो लें:',
        429: 'अभी नहीं, थोड़ी देर बाद फिर करें:', 500: 'सर्वर पर गड़बड़ी, थोड़ी देर बाद फिर करें:',
        other: 'सर्वर ने इसे नहीं माना:'},
    },
    en: {
      other: 'हिंदी', loading: 'Loading…', login: 'Log in', user: 'User name', password: 'Password',
      loginFailed: 'Wrong user name or password.', logout: 'Log out', today: "Today's work", nothing: 'No work right now.',
      visit: 'Home visit', particulars: 'Particulars', delivery: 'Delivery', task: 'Task',
      overdue: 'Overdue', due: 'Due', ward: 'Ward', call: 'Call', map: 'Map', open: 'Open',
      back: '← Back', offline: 'Offline', online: 'Online', queued: n => `${n} photo(s) to send`,
      stale: 'No network: showing the list from last time.', docs: 'Documents', oneOf: 'Any one of these',
      mandatory: 'Required', optional: 'Optional', done: 'Done', photo: 'Take photo', pages: n => `${n} page(s) sent`,
      takeAgain: 'Returned — take again', takeAgainFirst: 'The office returned these; send a new photo of each first: ',
      waiting: 'Waiting to send', sending: 'Sending', failed: 'Could not be sent', retry: 'Send again',
      remove: 'Remove', preparing: 'Making the photo smaller…', outcome: 'What happened at the visit?',
      returned: 'Returned by the office, to fix:', problems: 'Problems in the documents sent:',
      collected: 'Documents collected and sent', documentsMissing: 'Documents missing: the citizen will get them',
      citizenNotHome: 'Citizen not at home', withdrawn: 'Citizen withdrew the request', remarks: 'Remarks',
      report: 'Report the visit', chooseOutcome: 'Choose what happened at the visit.',
      waitUploads: 'Wait until every photo is sent, then report the visit.', missing: 'Not sent yet: ',
      reported: 'Visit reported.', needsNetwork: 'This needs the network. Press again when it is back.',
      save: 'Submit', saved: 'Submitted.', required: 'is required', tooLong: 'is too long',
      future: 'cannot be after today', tooEarly: 'cannot be before 1800; check the year',
      badFormat: 'is not in the right form', certificate: 'Certificate', viewCertificate: 'View the certificate',
      otp: "Citizen's OTP (6 digits)", attemptsLeft: (n, m) => `${n} of ${m} attempts left`,
      locked: 'Too many wrong OTPs: the delivery is locked. Call your supervisor.', confirm: 'Hand over with OTP',
      resend: 'Send a new OTP', resendAt: time => `A new OTP can be sent after ${time}`,
      delivered: 'Certificate handed over.', proof: 'Photo of the hand-over (proof)', otpSent: 'A new OTP was sent.',
      unsent: n => `${n} photo(s) are not sent yet. Log out anyway?`,
      window: {MORNING: 'Morning 8–12', AFTERNOON: 'Afternoon 12–4', EVENING: 'Evening 4–8'},
      fee: (name, rupees) => `${name}: Rs ${rupees}`, cash: 'Received in cash', upi: 'Received by UPI',
      upiReference: "UPI transaction reference (12 digits, on the citizen's phone)",
      feePaid: receipt => `Recorded. Receipt ${receipt}`,
      expired: 'Your login has expired. Log in again: what you typed is kept.',
      again: 'Logged in again. Press the button again to send.',
      unreadable: 'This photo could not be opened (e.g. a HEIC file). Take the photo again with the camera button.',
      phoneFull: 'The phone is full: the photo could not be queued. Free some space and take it again.',
    },
  };
  let lang = localStorage.getItem('mitan.field.lang') === 'en' ? 'en' : 'hi';
  const t = (key, ...args) => {
    const text = TEXT[lang][key] ?? TEXT.en[key] ?? key;
    return typeof text === 'function' ? text(...args) : text;
  };

  let csrf = null;
  let today = null;
  let screen = null;             // re-draws the current screen (after a language change)
  let shownScreen = null;        // the screen whose elements the page holds now
  let resume = null;             // the task screen a login that ran out interrupted, with what was typed in it
  let onQueueChange = () => {};  // the open screen's reaction to the queue
  let onSent = () => {};         // the open screen's reaction to a photo sent
  let screenTimer = null;        // the open screen's one timer (the delivery's look at when a new OTP may go)
  const progress = {};

  /** An element with attributes (on* are listeners) and children (strings become text, never HTML). */
  function h(tag, attrs, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else if (name === 'class') element.className = value;
      else if (name === 'value') element.value = value;
      else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child != null && child !== false) element.append(child instanceof Node ? child : String(child));
    }
    return element;
  }
  /** Puts the children in the element instead of what it held (arrays flattened, null and false left out). */
  const fill = (element, ...children) => {
    element.replaceChildren(...children.flat(Infinity).filter(child => child != null && child !== false));
    return element;
  };
  const show = (...nodes) => {
    fill(app, ...nodes);
    shownScreen = screen;
    window.scrollTo(0, 0);
    if (!performance.getEntriesByName('field:first-screen').length) performance.mark('field:first-screen');
  };
  /**
   * A screen about to be drawn, anew or again (a change of language, a reload of its data): what the screen before
   * left running stops, its timer and its reactions to the queue and to photos sent, so that redrawing adds none.
   */
  function enter(redraw) {
    screen = redraw;
    clearTimeout(screenTimer);
    onQueueChange = onSent = () => {};
  }
  // A Hindi keyboard types Devanagari digits (०–९): a number is read and sent in Latin ones, as the server keeps it.
  const digits = (text) => text.trim().replace(/[\u0966-\u096F]/g, d => String(d.charCodeAt(0) - 0x0966));
  const label = (names) => names ? (lang === 'hi' && names.hi ? names.hi : names.en) : '';
  const when = (iso) => new Date(iso).toLocaleString(lang === 'hi' ? 'hi-IN' : 'en-IN',
    {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'});

  /**
   * A refusal of the server as the Mitan reads it. The server says each refusal a Mitan can meet in English, then
   * " / " and the Hindi; one that has no Hindi (the engine's own words, a proxy's) gets, in Hindi, a line for its
   * status in front.
   */
  function refusal(status, said) {
    if (lang !== 'hi' || /[\u0900-\u097F]/.test(said)) return said;
    const lines = TEXT.hi.refused;
    return `${lines[status] || (status >= 500 ? lines[500] : lines.other)} ${said}`;
  }

  /**
   * The action of a button (or of the form it submits) run one at a time: the buttons are disabled until it has
   * ended, so a second tap while a slow network carries the first sends nothing twice (a wrong OTP counted twice, a
   * task completed twice).
   */
  function oneAtATime(buttons, work) {
    let busy = false;
    return async (event) => {
      if (event && event.type === 'submit') event.preventDefault();
      if (busy) return;
      busy = true;
      buttons.forEach(button => { button.disabled = true; });
      try {
        await work(event);
      } finally {
        busy = false;
        buttons.forEach(button => { button.disabled = false; });
      }
    };
  }

  // ---- talking to the server -------------------------------------------------------------------------------------

  class Failure extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function session() {
    const response = await fetch('/field/session', {credentials: 'same-origin', cache: 'no-store'});
    const answer = await response.json();
    csrf = answer.csrfToken;
    return answer;
  }

  async function call(method, url, body, again = false) {
    const headers = {'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json'};
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrf || '';
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(url, {method, headers, credentials: 'same-origin', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (e) {
      throw new Failure(0, t('needsNetwork'));
    }
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json().catch(() => null) : null;
    const tokenRefused = response.status === 403 && response.headers.get('X-XSRF-TOKEN') === 'Required';
    if (tokenRefused && !again) {
      // The webapps' CSRF filter refuses a write whose session ran out (or whose token is an older session's): with
      // a session still logged in, once more with its token; otherwise the login, as for a 401.
      const now = await session().catch(() => null);
      if (now && now.loggedIn) return call(method, url, body, true);
    }
    if (response.status === 401 || tokenRefused) {
      showLogin(t('expired'));
      throw new Failure(401, t('again'));   // shown on the task's screen when it comes back after the login
    }
    if (!response.ok) {
      const said = (data && (data.detail || data.message || data.title)) || response.statusText;
      // The engine names the task by its id in front of the reason; the Mitan needs only the reason.
      throw new Failure(response.status,
        refusal(response.status, String(said).replace(/^Cannot (submit task form|complete task) [\w-]+: /, '')));
    }
    return data;
  }

  /**
   * Completes the task with the form's variables. When the network dropped after the server had completed it, the
   * page could not know; pressed again, the engine no longer has the task. A task gone after such a drop was
   * completed by that press: it counts as done, instead of the engine's "no such task" in English.
   */
  async function submitTask(item, variables) {
    try {
      await call('POST', `${ENGINE}/task/${item.taskId}/submit-form`, {variables});
    } catch (e) {
      if (e.status === 0) item.answerLost = true;
      else if (item.answerLost && e.status !== 401 && await taskGone(item)) return;
      throw e;
    }
  }
  const taskGone = (item) => call('GET', `${ENGINE}/task/${item.taskId}`).then(() => false, e => e.status === 404);

  // ---- the queue: IndexedDB, kept across reloads -----------------------------------------------------------------

  let database;
  function db() {
    database ??= new Promise((resolve, reject) => {
      const open = indexedDB.open('mitan-field', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('queue', {keyPath: 'key'});
        open.result.createObjectStore('cache');
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return database;
  }
  async function store(name, mode, work) {
    const transaction = (await db()).transaction(name, mode);
    const request = work(transaction.objectStore(name));
    return new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve(request ? request.result : undefined);
      transaction.onerror = () => reject(transaction.error);
    });
  }
  const queued = () => store('queue', 'readonly', s => s.getAll())
    .then(items => items.sort((a, b) => a.createdAt - b.createdAt));
  const remember = (key, value) => store('cache', 'readwrite', s => s.put(value, key));
  const recall = (key) => store('cache', 'readonly', s => s.get(key));

  function newKey() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  /** Puts a photo in the queue, to be sent once, in order, whenever the network allows. */
  async function enqueue(url, fields, blob, name, requestNumber) {
    await store('queue', 'readwrite', s => s.put({key: newKey(), url, fields, blob, name, requestNumber,
      createdAt: Date.now(), status: 'waiting'}));
    await queueChanged();
    pump();
  }

  async function queueChanged() {
    const items = await queued();
    const open = items.filter(item => item.status !== 'failed').length;
    document.body.dataset.queued = String(open);
    net.className = 'net' + (navigator.onLine ? (open ? ' busy' : '') : ' off');
    net.textContent = navigator.onLine ? (open ? t('queued', open) : t('online'))
      : t('offline') + (open ? ' · ' + t('queued', open) : '');
    onQueueChange(items);
  }

  let pumping = false;
  let sending = null;
  let retryTimer = null;

  /** Sends the queue oldest first, one at a time, until it is empty or the network or the login fails. */
  async function pump() {
    if (pumping || !navigator.onLine) return;
    pumping = true;
    if (!csrf) {
      const now = await session().catch(() => null);
      if (!now || !now.loggedIn) {
        pumping = false;
        // No answer: the network came back in name only (the first calls after a phone reconnects often fail).
        // Try again, as a refused send does; a "not logged in" answer waits for the login instead.
        if (!now) {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(pump, 10000);
        }
        return;
      }
    }
    clearTimeout(retryTimer);
    try {
      for (;;) {
        const next = (await queued()).find(item => item.status !== 'failed');
        if (!next || !navigator.onLine) break;
        const result = await send(next);
        if (result === 'later') {
          retryTimer = setTimeout(pump, 10000);
          break;
        }
        if (result === 'login') break;
      }
    } finally {
      pumping = false;
      await queueChanged();
    }
  }

  function send(item) {
    return new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      sending = xhr;
      progress[item.key] = 0;
      xhr.open('POST', item.url);
      xhr.setRequestHeader('X-XSRF-TOKEN', csrf || '');
      xhr.setRequestHeader('Idempotency-Key', item.key);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.timeout = 180000;
      xhr.upload.onprogress = event => {
        if (!event.lengthComputable) return;
        progress[item.key] = event.loaded / event.total;
        const bar = document.querySelector(`progress[data-key="${item.key}"]`);
        if (bar) bar.value = progress[item.key];
        const row = document.querySelector(`li[data-key="${item.key}"]`);
        if (row) row.dataset.state = 'sending';
      };
      const finish = async (outcome, status, body) => {
        sending = null;
        delete progress[item.key];
        if (outcome === 'sent') {
          await store('queue', 'readwrite', s => s.delete(item.key));
          onSent(item, body);
        } else if (outcome === 'failed') {
          item.status = 'failed';
          item.error = (body && (body.detail || body.message)) || ('HTTP ' + status);
          item.code = status;
          await store('queue', 'readwrite', s => s.put(item));
        }
        await queueChanged();
        resolve(outcome);
      };
      xhr.onload = async () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        if (xhr.status === 200 || xhr.status === 201) return finish('sent', xhr.status, body);
        if (xhr.status === 401) {
          const now = await session().catch(() => null);
          if (now && now.loggedIn) return finish('again');   // the token was old: the same item once more
          showLogin(t('expired'));
          return finish('login');
        }
        if (xhr.status >= 500 || xhr.status === 429 || xhr.status === 408) return finish('later');
        // A body the network cut short reaches the server as an incomplete upload: sent again like a dropped
        // network (the Idempotency-Key makes that safe). A 400 about the file itself is shown as failed.
        if (xhr.status === 400 && body && body.title === 'Incomplete upload') return finish('later');
        return finish('failed', xhr.status, body);
      };
      xhr.onerror = xhr.ontimeout = xhr.onabort = () => finish('later');
      const form = new FormData();
      for (const [name, value] of Object.entries(item.fields)) form.append(name, value);
      form.append('file', item.blob, item.name);
      xhr.send(form);
    });
  }

  window.addEventListener('online', () => { queueChanged(); pump(); });
  window.addEventListener('offline', () => {
    if (sending) sending.abort();       // a dropped network: the item stays queued and goes again later
    queueChanged();
  });

  // ---- photos: scaled and compressed on the phone ----------------------------------------------------------------

  const LONG_SIDE = 2000;              // a scan's long side at most, in pixels

  /**
   * The photo decoded at most LONG_SIDE pixels long: a 12-megapixel photo decoded whole takes some 48 MB, too much
   * for a cheap phone. Its size comes from an image element (which reads the file's header, not its pixels); then
   * the browser decodes it straight to the smaller size. A browser that cannot (no resize options, or no size from
   * the element) decodes it whole, and the canvas makes it smaller.
   */
  async function decode(file) {
    try {
      const [width, height] = await sizeOf(file);
      // The long side alone: the browser keeps the proportions, whichever way it turns the photo.
      if (Math.max(width, height) > LONG_SIDE) {
        return await createImageBitmap(file, {...(width >= height ? {resizeWidth: LONG_SIDE}
          : {resizeHeight: LONG_SIDE}), resizeQuality: 'high'});
      }
    } catch (e) {
      // decoded whole below; a file no browser can open is refused there
    }
    return createImageBitmap(file);
  }

  /** The photo's width and height as shown (its EXIF orientation applied), read without decoding its pixels. */
  function sizeOf(file) {
    return new Promise((resolve, reject) => {
      const image = new Image();
      const url = URL.createObjectURL(file);
      image.onload = () => {
        URL.revokeObjectURL(url);
        if (image.naturalWidth && image.naturalHeight) resolve([image.naturalWidth, image.naturalHeight]);
        else reject(new Error('no size'));
      };
      image.onerror = () => { URL.revokeObjectURL(url); reject(new Error('unreadable')); };
      image.src = url;
    });
  }

  async function compress(file) {
    const bitmap = await decode(file);
    let side = LONG_SIDE;
    let quality = 0.8;
    let blob;
    for (;;) {
      const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      const paint = canvas.getContext('2d');
      paint.fillStyle = '#fff';
      paint.fillRect(0, 0, canvas.width, canvas.height);
      paint.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob.size <= LIMIT || side <= 800) break;
      if (quality > 0.55) quality -= 0.1;
      else { side = Math.round(side * 0.8); quality = 0.75; }
    }
    if (bitmap.close) bitmap.close();
    return blob;
  }

  /**
   * A camera button: each photo is made smaller, then given to onPhoto (which queues it). The status element says
   * so while it is made smaller, and says why when the phone cannot open the file (a HEIC photo from the gallery,
   * which the browser cannot draw) or cannot keep it (no space left): nothing is queued then.
   */
  function camera(text, status, onPhoto) {
    const input = h('input', {type: 'file', accept: 'image/*', capture: 'environment', 'aria-label': text});
    input.addEventListener('change', async () => {
      const files = Array.from(input.files || []);
      input.value = '';
      for (const file of files) {
        status.className = 'msg ok';
        status.textContent = t('preparing');
        let blob;
        try {
          blob = await compress(file);
        } catch (e) {
          status.className = 'msg err';
          status.textContent = t('unreadable');
          continue;
        }
        try {
          status.textContent = '';
          await onPhoto(blob);
        } catch (e) {
          status.className = 'msg err';
          status.textContent = t('phoneFull');
        }
      }
    });
    return h('label', {class: 'btn'}, '📷 ', text, input);
  }

  // ---- screens ---------------------------------------------------------------------------------------------------

  function showLogin(message) {
    // A login that ran out under an open task (a form half filled in, an OTP typed): that screen is kept as it is,
    // and comes back after the login, for the same user, with what was typed in it.
    if (!resume && /task=/.test(location.hash) && screen && shownScreen !== showLogin.screen) {
      resume = {user: today && today.userId, screen, queue: onQueueChange, sent: onSent,
        nodes: shownScreen === screen ? [...app.childNodes] : null};
    }
    screen = showLogin.screen = () => showLogin();
    onQueueChange = onSent = () => {};   // its timer runs on: the screen may come back as it was
    const name = h('input', {type: 'text', id: 'username', autocomplete: 'username', autocapitalize: 'none'});
    const password = h('input', {type: 'password', id: 'password', autocomplete: 'current-password'});
    const note = h('p', {class: 'msg err', role: 'alert'}, message || '');
    const submit = async (event) => {
      event.preventDefault();
      note.textContent = '';
      try {
        await session();
        const response = await fetch('/camunda/api/admin/auth/user/default/login/tasklist', {
          method: 'POST', credentials: 'same-origin',
          headers: {'X-XSRF-TOKEN': csrf || '', 'Content-Type': 'application/x-www-form-urlencoded'},
          body: new URLSearchParams({username: name.value.trim(), password: password.value})});
        password.value = '';
        if (!response.ok) {
          note.textContent = t('loginFailed');
          return;
        }
        const now = await session();  // the login renews the session, and with it the token
        pump();
        const back = resume;
        resume = null;
        if (back && back.user && back.user === now.userId) return void resumeScreen(back);
        showToday();
      } catch (e) {
        note.textContent = t('needsNetwork');
      }
    };
    show(h('form', {class: 'card', id: 'login', onsubmit: submit},
      h('h1', {}, t('login')),
      h('label', {class: 'field', for: 'username'}, t('user')), name,
      h('label', {class: 'field', for: 'password'}, t('password')), password,
      note,
      h('div', {class: 'row'}, h('button', {class: 'btn main', type: 'submit'}, t('login')))));
  }

  /** The task screen the expired login interrupted, as it was (what was typed in it kept), or drawn afresh. */
  function resumeScreen(back) {
    screen = back.screen;
    if (!back.nodes) return void screen();
    onQueueChange = back.queue;
    onSent = back.sent;
    show(...back.nodes);
    queueChanged();
  }

  async function showToday() {
    resume = null;
    enter(showToday);
    location.hash = '';
    let stale = false;
    try {
      today = await call('GET', '/api/field/today');
      await remember('today', today);
    } catch (e) {
      if (e.status === 401) return;
      today = await recall('today');
      stale = true;
      if (!today) {
        show(h('p', {class: 'msg err'}, e.message));
        return;
      }
    }
    const logout = async () => {
      const open = (await queued()).length;
      if (open && !confirm(t('unsent', open))) return;
      await call('POST', '/camunda/api/admin/auth/user/default/logout').catch(() => null);
      await store('cache', 'readwrite', s => s.clear());
      today = null;
      await session();
      showLogin();
    };
    show(
      h('h1', {}, t('today'), ' · ', today.userName),
      stale ? h('p', {class: 'msg err'}, t('stale')) : null,
      today.work.length ? null : h('p', {class: 'hint'}, t('nothing')),
      h('div', {class: 'list', id: 'work'}, today.work.map(workCard)),
      h('div', {class: 'row'}, h('button', {class: 'btn', type: 'button', onclick: logout}, t('logout'))));
  }

  function workCard(item) {
    const place = `${item.address}, ${t('ward')} ${item.ward}, ${item.bodyName.en}`;
    return h('article', {class: 'card' + (item.overdue ? ' overdue' : ''), 'data-task': item.taskId,
      'data-request': item.requestNumber, 'data-kind': item.kind},
      h('div', {}, h('span', {class: 'tag'}, t(item.kind)), item.overdue ? h('span', {class: 'tag late'},
        t('overdue')) : null, h('span', {class: 'muted'}, item.requestNumber)),
      h('p', {class: 'who'}, item.citizenName),
      h('p', {class: 'muted'}, label(item.serviceName)),
      h('p', {}, item.address, h('br'), `${t('ward')} ${item.ward}, ${label(item.bodyName)}`),
      h('p', {class: 'muted'}, t('window')[item.visitWindow] || item.visitWindow,
        item.due ? ` · ${t('due')}: ${when(item.due)}` : ''),
      h('div', {class: 'row'},
        h('a', {class: 'btn', href: 'tel:+91' + item.citizenPhone}, '📞 ', t('call')),
        h('a', {class: 'btn', target: '_blank', rel: 'noopener',
          href: 'https://www.google.com/maps/search/?api=1&query=' + encodeURIComponent(place)}, '🗺 ', t('map')),
        h('button', {class: 'btn main', type: 'button', onclick: () => openTask(item)}, t('open'))));
  }

  function openTask(item) {
    location.hash = 'task=' + item.taskId;
    if (item.kind === 'visit') return showVisit(item);
    if (item.kind === 'delivery') return showDelivery(item);
    return showForm(item);
  }

  function heading(item) {
    return h('div', {class: 'card'},
      h('button', {class: 'btn', type: 'button', onclick: showToday}, t('back')),
      h('p', {class: 'who'}, item.citizenName),
      h('p', {class: 'muted'}, item.requestNumber, ' · ', label(item.serviceName)),
      h('p', {}, item.address, ' · ', `${t('ward')} ${item.ward}`),
      h('div', {class: 'row'}, h('a', {class: 'btn', href: 'tel:+91' + item.citizenPhone}, '📞 ', t('call'))));
  }

  function queueList(items) {
    return h('ul', {class: 'pages'}, items.map(item => h('li', {'data-key': item.key, 'data-state': item.status},
      item.status === 'failed'
        ? [h('span', {class: 'tag late'}, t('failed')), h('span', {}, refusal(item.code, item.error)),
          h('button', {class: 'btn', type: 'button', onclick: async () => {
            item.status = 'waiting';
            await store('queue', 'readwrite', s => s.put(item));
            await queueChanged();
            pump();
          }}, t('retry')),
          h('button', {class: 'btn', type: 'button', onclick: async () => {
            await store('queue', 'readwrite', s => s.delete(item.key));
            await queueChanged();
          }}, t('remove'))]
        : [h('span', {}, progress[item.key] !== undefined ? t('sending') : t('waiting')),
          h('progress', {max: 1, value: progress[item.key] || 0, 'data-key': item.key}),
          h('span', {class: 'muted'}, Math.round(item.blob.size / 1024) + ' KB')])));
  }

  async function showVisit(item, typed) {
    enter((again) => showVisit(item, again));
    const path = `/api/requests/${encodeURIComponent(item.requestNumber)}/documents`;
    let checklist;
    try {
      checklist = await call('GET', path);
      await remember('docs:' + item.requestNumber, checklist);
    } catch (e) {
      if (e.status === 401) return;
      checklist = await recall('docs:' + item.requestNumber);
    }
    // What the office or the check of the scans sent back, if this is a revisit.
    const told = await call('GET', `${ENGINE}/task/${item.taskId}/form-variables`).catch(() => null);
    const said = (name) => told && told[name] && told[name].value ? String(told[name].value) : null;
    const revisit = [['returned', said('scrutinyRemarks')], ['problems', said('documentProblems')]]
      .filter(([, text]) => text)
      .map(([key, text]) => h('div', {class: 'msg err', id: 'revisit-' + key}, t(key), h('br'), text));
    const docs = h('section', {class: 'card', id: 'docs'});
    const preparing = h('p', {class: 'msg ok', id: 'photo-note', role: 'status'});
    const drawDocs = (items) => {
      const mine = items.filter(queuedItem => queuedItem.requestNumber === item.requestNumber);
      fill(docs, h('h2', {}, t('docs')), preparing, checklist ? checklist.requirements.map(requirement =>
        h('div', {class: 'doc'},
          requirement.choice ? h('p', {class: 'oneof'}, t('oneOf')) : null,
          // returned by the office: not done until a new photo of it is sent
          requirement.returned ? h('span', {class: 'tag need returned'}, '↺ ' + t('takeAgain'))
            : h('span', {class: 'tag' + (requirement.met ? ' ok' : requirement.mandatory ? ' need' : '')},
              requirement.met ? '✓ ' + t('done') : requirement.mandatory ? t('mandatory') : t('optional')),
          requirement.alternatives.map(alternative => h('div', {'data-doc': alternative.documentType,
            'data-returned': alternative.returned ? 'true' : null},
            h('p', {class: 'who'}, lang === 'hi' && alternative.labelHi ? alternative.labelHi : alternative.label),
            alternative.uploaded ? h('p', {class: 'muted'}, t('pages', alternative.uploaded)) : null,
            queueList(mine.filter(queuedItem => queuedItem.fields.type === alternative.documentType)),
            camera(t('photo'), preparing, blob => enqueue(path, {type: alternative.documentType}, blob,
              `${alternative.documentType}-${Date.now()}.jpg`, item.requestNumber)))))) : h('p', {class: 'msg err'},
          t('needsNetwork')));
    };
    onQueueChange = drawDocs;
    const fee = h('section', {class: 'card', id: 'fee'});
    const refresh = async () => {
      try { checklist = await call('GET', path); } catch (e) { /* keep what is shown */ }
      drawDocs(await queued());
      if (!fee.hasChildNodes()) await drawFee(fee, item.requestNumber);  // drawn offline: draw it now
    };
    onSent = refresh;

    drawFee(fee, item.requestNumber, typed);

    const note = h('p', {class: 'msg err', role: 'alert'});
    const outcomes = ['collected', 'documentsMissing', 'citizenNotHome', 'withdrawn'];
    const remarks = h('textarea', {id: 'visitRemarks', maxlength: 1000});
    const reportButton = h('button', {class: 'btn main', type: 'submit'}, t('report'));
    const report = oneAtATime([reportButton], async () => {
      note.textContent = '';
      const chosen = app.querySelector('input[name=visitOutcome]:checked');
      if (!chosen) return void (note.textContent = t('chooseOutcome'));
      if (chosen.value === 'collected') {
        if ((await queued()).some(queuedItem => queuedItem.requestNumber === item.requestNumber)) {
          return void (note.textContent = t('waitUploads'));
        }
        const names = r => r.alternatives.map(a => lang === 'hi' && a.labelHi ? a.labelHi : a.label).join(' / ');
        const requirements = checklist ? checklist.requirements : [];
        const returned = requirements.filter(r => r.returned).map(names);
        if (returned.length) return void (note.textContent = t('takeAgainFirst') + returned.join(', '));
        const missing = requirements.filter(r => r.mandatory && !r.met).map(names);
        if (missing.length) return void (note.textContent = t('missing') + missing.join(', '));
      }
      const variables = {visitOutcome: {value: chosen.value}};
      if (remarks.value.trim()) variables.visitRemarks = {value: remarks.value.trim()};
      try {
        await submitTask(item, variables);
        await showToday();
        app.prepend(h('p', {class: 'msg ok', role: 'status', id: 'done'}, t('reported')));
      } catch (e) {
        note.textContent = e.message;
      }
    });
    show(heading(item), revisit, docs, fee,
      h('form', {class: 'card', id: 'outcome', onsubmit: report},
        h('fieldset', {class: 'group'}, h('legend', {class: 'title'}, t('outcome')),
          outcomes.map(value => h('label', {class: 'choice'},
            h('input', {type: 'radio', name: 'visitOutcome', value}), t(value)))),
        h('label', {class: 'field', for: 'visitRemarks'}, t('remarks')), remarks,
        note,
        h('div', {class: 'row'}, reportButton)));
    drawDocs(await queued());
  }

  /**
   * The Mitan service fee of the request, as the type's data prices it: recorded once when the citizen pays in cash
   * or by UPI (with the transaction's reference); then its receipt. Needs the network; nothing is queued.
   */
  async function drawFee(card, requestNumber, typed) {
    const path = `/api/requests/${encodeURIComponent(requestNumber)}/fees`;
    const fees = await call('GET', path).catch(() => null);
    const due = fees && fees.find(row => row.feeCode === 'mitan-service');
    if (!due) return void fill(card);
    const name = lang === 'hi' ? due.labelHi : due.label;
    if (due.status === 'PAID') {
      return void fill(card, h('h2', {}, t('fee', name, due.rupees)),
        h('p', {class: 'msg ok', id: 'fee-receipt'}, t('feePaid', due.receiptNumber)));
    }
    const note = h('p', {class: 'msg err', role: 'alert'});
    const reference = h('input', {type: 'text', id: 'upiReference', inputmode: 'numeric', maxlength: 12,
      autocomplete: 'off'});
    const cash = h('button', {class: 'btn', type: 'button', id: 'fee-cash'}, t('cash'));
    const upi = h('button', {class: 'btn', type: 'button', id: 'fee-upi'}, t('upi'));
    const record = (mode) => oneAtATime([cash, upi], async () => {
      note.textContent = '';
      // The reference is checked here as the server checks it, so that the Mitan reads why in Hindi.
      if (mode === 'UPI' && !/^[0-9]{12}$/.test(digits(reference.value))) {
        note.textContent = `${t('upiReference')}: ${t('badFormat')}`;
        return void reference.focus();
      }
      const body = mode === 'UPI' ? {mode, upiReference: digits(reference.value)} : {mode};
      try {
        await call('POST', `${path}/mitan-service/collected`, body);
        await drawFee(card, requestNumber);
      } catch (e) {
        note.textContent = e.status ? e.message : t('needsNetwork');
      }
    });
    cash.addEventListener('click', record('CASH'));
    upi.addEventListener('click', record('UPI'));
    fill(card, h('h2', {}, t('fee', name, due.rupees)),
      h('div', {class: 'row'}, cash),
      h('label', {class: 'field', for: 'upiReference'}, t('upiReference')), reference,
      h('div', {class: 'row'}, upi),
      note);
    putBack(card, typed);   // drawn after its screen: the UPI reference typed before a change of language
  }

  /** Any other task of the Mitan (the type's particulars): its Camunda Form, drawn simply. */
  async function showForm(item) {
    enter(() => showForm(item));
    let form;
    let values;
    try {
      [form, values] = await Promise.all([call('GET', `${ENGINE}/task/${item.taskId}/deployed-form`),
        call('GET', `${ENGINE}/task/${item.taskId}/form-variables`)]);
    } catch (e) {
      if (e.status !== 401) show(heading(item), h('p', {class: 'msg err'}, e.message));
      return;
    }
    const fields = [];
    const parts = (form.components || []).map(component => formPart(component, values || {}, fields));
    const note = h('p', {class: 'msg err', role: 'alert'});
    const saveButton = h('button', {class: 'btn main', type: 'submit'}, t('save'));
    const submit = oneAtATime([saveButton], async () => {
      note.textContent = '';
      const variables = {};
      for (const field of fields) {
        const problem = field.check();
        if (problem) {
          note.textContent = `${field.label}: ${problem}`;
          (field.input.matches('fieldset') ? field.input.querySelector('input') : field.input).focus();
          return;
        }
        const value = field.value();
        if (value !== null) variables[field.key] = {value};
      }
      try {
        await submitTask(item, variables);
        await showToday();
        app.prepend(h('p', {class: 'msg ok', role: 'status', id: 'done'}, t('saved')));
      } catch (e) {
        note.textContent = e.message;
      }
    });
    show(heading(item), h('form', {class: 'card', id: 'task-form', onsubmit: submit},
      h('h2', {}, item.taskName || t(item.kind)), parts, note,
      h('div', {class: 'row'}, saveButton)));
  }

  function formPart(component, values, fields) {
    const known = (name) => values[name] ? values[name].value : null;
    if (component.type === 'text') {
      const text = String(component.text || '');
      const variable = /^=\s*([A-Za-z_][\w]*)\s*$/.exec(text);
      if (variable) return known(variable[1]) ? h('div', {class: 'text'}, String(known(variable[1]))) : null;
      return text.startsWith('=') ? null : h('div', {class: 'text'}, text.replace(/[#*_`]/g, ''));
    }
    const key = component.key;
    if (!key) return null;
    const caption = component.label || component.dateLabel || key;
    const id = 'f-' + key;
    const rules = component.validate || {};
    const current = known(key);
    if (component.readonly || component.disabled) {
      return current == null || current === '' ? null
        : [h('label', {class: 'field'}, caption), h('div', {class: 'text'}, String(current))];
    }
    let input;
    let value;
    const choices = component.values || [];
    if (component.type === 'radio') {
      // A group of choices is a fieldset named by its legend: a screen reader says which question a choice answers.
      input = h('fieldset', {id, class: 'group'}, h('legend', {}, caption, rules.required ? ' *' : ''),
        choices.map(choice => h('label', {class: 'choice'},
          h('input', {type: 'radio', name: key, value: choice.value, checked: current === choice.value}),
          choice.label)));
      value = () => { const on = input.querySelector('input:checked'); return on ? on.value : null; };
    } else if (component.type === 'select') {
      input = h('select', {id}, h('option', {value: ''}, ''), choices.map(choice =>
        h('option', {value: choice.value, selected: current === choice.value}, choice.label)));
      value = () => input.value || null;
    } else if (component.type === 'checkbox') {
      input = h('input', {type: 'checkbox', id, checked: current === true});
      value = () => input.checked;
    } else if (component.type === 'textarea') {
      input = h('textarea', {id, maxlength: rules.maxLength, value: current ?? ''});
      value = () => input.value.trim() || null;
    } else if (component.type === 'number') {
      input = h('input', {type: 'number', id, inputmode: 'decimal', value: current ?? ''});
      value = () => input.value === '' ? null : Number(input.value);
    } else if (component.type === 'datetime') {
      input = h('input', {type: 'date', id, min: EARLIEST_DATE, value: current ?? ''});
      value = () => input.value || null;
    } else {
      input = h('input', {type: 'text', id, maxlength: rules.maxLength, value: current ?? ''});
      value = () => input.value.trim() || null;
    }
    fields.push({key, label: caption, input, value, check: () => {
      const given = value();
      if (given === null || given === '') return rules.required ? t('required') : null;
      if (typeof given === 'string') {
        if (rules.maxLength && given.length > rules.maxLength) return t('tooLong');
        if (rules.minLength && given.length < rules.minLength) return t('badFormat');
        if (rules.pattern && !new RegExp(rules.pattern).test(given)) return t('badFormat');
      }
      // A particular date records something that has happened; the server refuses a later one too.
      if (component.type === 'datetime' && given > todayInIndia()) return t('future');
      // ... and nothing before 1800 (a year such as 0202 is a slip), as the server (StateCalendar) does not.
      if (component.type === 'datetime' && given < EARLIEST_DATE) return t('tooEarly');
      return null;
    }});
    if (component.type === 'radio') return input;
    return [h('label', {class: 'field', for: id}, caption, rules.required ? ' *' : ''), input];
  }

  /** Today in India as yyyy-mm-dd, the form a date input gives. */
  function todayInIndia() {
    return new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Kolkata'}).format(new Date());
  }

  async function showDelivery(item) {
    enter(() => showDelivery(item));
    const base = `/api/requests/${encodeURIComponent(item.requestNumber)}/delivery`;
    let state;
    try {
      state = await call('GET', base);
    } catch (e) {
      if (e.status !== 401) show(heading(item), h('p', {class: 'msg err'}, e.message));
      return;
    }
    const note = h('p', {class: 'msg err', role: 'alert'});
    const good = h('p', {class: 'msg ok', role: 'status'});
    const otp = h('input', {type: 'text', id: 'deliveryOtp', inputmode: 'numeric', autocomplete: 'one-time-code',
      maxlength: 6, pattern: '[0-9\u0966-\u096F]{6}'});
    const attempts = h('p', {id: 'attempts', class: 'muted'});
    const resend = h('button', {class: 'btn', type: 'button', id: 'resend'}, t('resend'));
    const resendNote = h('p', {class: 'muted'});
    const proofs = h('div', {id: 'proofs'});
    const proofNote = h('p', {class: 'msg ok', id: 'photo-note', role: 'status'});
    const draw = () => {
      attempts.textContent = state.locked ? t('locked') : t('attemptsLeft', state.attemptsLeft, state.maxAttempts);
      const wait = new Date(state.resendAllowedAt) - Date.now();
      resend.disabled = wait > 0;
      resendNote.textContent = wait > 0 ? t('resendAt', when(state.resendAllowedAt)) : '';
      clearTimeout(screenTimer);   // drawn again after a wrong OTP or a new one: one timer still
      if (wait > 0) screenTimer = setTimeout(draw, Math.min(wait + 200, 60000));
    };
    const reload = async () => { state = await call('GET', base).catch(() => state); draw(); };
    onQueueChange = (items) => fill(proofs,
      queueList(items.filter(queuedItem => queuedItem.requestNumber === item.requestNumber)));
    const confirmButton = h('button', {class: 'btn main', type: 'submit'}, t('confirm'));
    let asking = false;
    resend.addEventListener('click', async () => {
      if (asking) return;
      asking = true;
      resend.disabled = true;
      note.textContent = good.textContent = '';
      try {
        await call('POST', base + '/otp');
        good.textContent = t('otpSent');
      } catch (e) {
        note.textContent = e.message;
      }
      asking = false;
      await reload();   // enables the button again when a new OTP may be asked for
    });
    const confirmOtp = oneAtATime([confirmButton], async () => {
      note.textContent = good.textContent = '';
      if (!/^[0-9]{6}$/.test(digits(otp.value))) return void (note.textContent = `${t('otp')}: ${t('badFormat')}`);
      try {
        await submitTask(item, {deliveryOtp: {value: digits(otp.value)}});
        await showToday();
        app.prepend(h('p', {class: 'msg ok', role: 'status', id: 'done'}, t('delivered')));
      } catch (e) {
        note.textContent = e.message;
        otp.value = '';
        await reload();
      }
    });
    show(heading(item),
      h('section', {class: 'card'}, h('h2', {}, t('certificate')),
        h('p', {class: 'who'}, state.certificateNumber || '—'),
        state.certificatePdf ? h('a', {class: 'btn wide', href: state.certificatePdf, target: '_blank',
          rel: 'noopener'}, '📄 ', t('viewCertificate')) : null),
      h('section', {class: 'card'}, h('h2', {}, t('proof')), proofs, proofNote,
        camera(t('photo'), proofNote, blob => enqueue(base + '/photo', {}, blob,
          `handover-${Date.now()}.jpg`, item.requestNumber))),
      h('form', {class: 'card', id: 'otp-form', onsubmit: confirmOtp},
        h('label', {class: 'field', for: 'deliveryOtp'}, t('otp')), otp, attempts, note, good,
        h('div', {class: 'row'}, confirmButton),
        h('div', {class: 'row'}, resend), resendNote));
    draw();
    onQueueChange(await queued());
  }

  // ---- start -----------------------------------------------------------------------------------------------------

  function setLanguage(next) {
    lang = next;
    localStorage.setItem('mitan.field.lang', lang);
    document.documentElement.lang = lang;
    langButton.textContent = t('other');
    queueChanged();
  }
  langButton.addEventListener('click', async () => {
    // The screen is drawn again in the other language; what was typed or chosen in it stays.
    const typed = [...app.querySelectorAll('input, textarea, select')].filter(input => input.type !== 'file')
      .map(input => ({id: input.id, name: input.name, type: input.type, value: input.value, checked: input.checked}));
    setLanguage(lang === 'hi' ? 'en' : 'hi');
    if (!screen) return;
    await screen(typed);   // a part drawn after the screen (the visit's fee) puts back what was typed in it itself
    putBack(app, typed);
  });

  /** What was typed or chosen in a screen, put back into the same fields of its new drawing under root. */
  function putBack(root, typed) {
    for (const was of typed || []) {
      const input = was.type === 'radio'
        ? root.querySelector(`input[type=radio][name="${CSS.escape(was.name)}"][value="${CSS.escape(was.value)}"]`)
        : was.id && root.querySelector('#' + CSS.escape(was.id));
      if (!input) continue;
      if (was.type === 'radio' || was.type === 'checkbox') input.checked = was.checked;
      else input.value = was.value;
    }
  }

  async function start() {
    setLanguage(lang);
    // The service worker keeps the page for reloads with no network. It fetches the page's files once more, so it is
    // registered a moment after the first screen, not competing with it on a slow network.
    setTimeout(() => {
      if ('serviceWorker' in navigator) navigator.serviceWorker.register('/field/sw.js').catch(() => null);
    }, 1500);
    let state = null;
    try {
      state = self.fieldSession ? await self.fieldSession : null;   // asked by the page's head already
      self.fieldSession = null;
      if (state) csrf = state.csrfToken;
      else state = await session();
    } catch (e) {
      // No network: what is known from last time, and the queue, which goes once the network is back.
    }
    if (state && !state.loggedIn) return showLogin();
    const wanted = /task=([\w-]+)/.exec(location.hash);
    await showToday();
    const item = wanted && today && today.work.find(work => work.taskId === wanted[1]);
    if (item) await openTask(item);
    pump();
  }
  start();
})();
