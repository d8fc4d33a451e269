/*
 * Mitan "Request history": every word the plugin shows, English and Hindi side by side, and the language to show
 * them in: the one Cockpit chose for its own labels.
 *
 * Cockpit decides once, as it starts (angular-translate's determinePreferredLanguage in the webapp's bootstrap): the
 * browser's first language (navigator.languages[0], else navigator.language), its first part ("hi" of "hi-IN"),
 * if scripts/config.js offers it in locales.availableLocales; otherwise locales.fallbackLocale. Cockpit 7.24 has no
 * language picker of its own: a user chooses Hindi by putting it first in the browser's languages. The same config
 * is read here, so a locale added to or taken from config.js counts for this page as for the rest of Cockpit.
 *
 * Cockpit's translate service is not handed to plugins, and a key added to locales/hi.json would need one in the
 * webjar's en.json too; so the plugin keeps its own words here. The labels Cockpit itself draws from a plugin
 * (the navigation link, the tab) are given in the chosen language, which Cockpit's translate filter shows as they
 * are.
 */
import config from '../scripts/config.js';

/** The locale Cockpit shows, decided as Cockpit decides it (see above). */
export function cockpitLocale(browser, locales) {
    const available = (locales && locales.availableLocales) || ['en'];
    const fallback = (locales && locales.fallbackLocale) || 'en';
    const first = (Array.isArray(browser.languages) ? browser.languages[0]
        : browser.language || browser.browserLanguage || browser.systemLanguage || browser.userLanguage) || '';
    const language = first.split('-')[0].toLowerCase();
    return available.includes(language) ? language : fallback;
}

export const LOCALE = cockpitLocale(window.navigator, config.locales);

/** The page's own words: each entry in English and Hindi; a function takes the values the text names. */
export const TEXT = Object.freeze({
    requestHistory: { en: 'Request history', hi: 'अनुरोध इतिहास' },
    auditTrail: { en: 'Audit trail', hi: 'ऑडिट ट्रेल' },
    loading: { en: 'Loading…', hi: 'लोड हो रहा है…' },
    loadingRequests: { en: 'Loading the latest requests…', hi: 'नवीनतम अनुरोध लोड हो रहे हैं…' },
    loadingHistoryOf: {
        en: (number) => `Loading the history of ${number}…`,
        hi: (number) => `${number} का इतिहास लोड हो रहा है…`,
    },
    loadingHistory: { en: 'Loading the history…', hi: 'इतिहास लोड हो रहा है…' },
    loadingAuditTrail: { en: 'Loading the audit trail…', hi: 'ऑडिट ट्रेल लोड हो रहा है…' },
    couldNotReadRequests: {
        en: (detail) => `Could not read the requests${detail}.`,
        hi: (detail) => `अनुरोधों की सूची पढ़ी नहीं जा सकी${detail}।`,
    },
    couldNotReadHistoryOf: {
        en: (number, detail) => `Could not read the history of ${number}${detail}.`,
        hi: (number, detail) => `${number} का इतिहास पढ़ा नहीं जा सका${detail}।`,
    },
    couldNotReadHistory: {
        en: (detail) => `Could not read the history${detail}.`,
        hi: (detail) => `इतिहास पढ़ा नहीं जा सका${detail}।`,
    },
    couldNotReadAuditTrail: {
        en: (detail) => `Could not read the audit trail${detail}.`,
        hi: (detail) => `ऑडिट ट्रेल पढ़ा नहीं जा सका${detail}।`,
    },
    timeZoneNote: {
        en: (zone) => `Times are shown in your browser's time zone (${zone}).`,
        hi: (zone) => `समय आपके ब्राउज़र के समय क्षेत्र (${zone}) में दिखाए गए हैं।`,
    },
    soFar: { en: ' so far', hi: ' अब तक' },
    lead: {
        en: 'Every request, running or finished, newest first. Open one to see each step, who did it and when, '
            + 'what people entered, incidents and the application\'s milestones. ',
        hi: 'हर अनुरोध, चल रहा हो या पूरा हो चुका, सबसे नया पहले। किसी अनुरोध को खोलकर देखें: हर चरण, किसने और '
            + 'कब किया, लोगों ने क्या दर्ज किया, घटनाएँ और एप्लिकेशन के पड़ाव। ',
    },
    requestNumber: { en: 'Request number', hi: 'अनुरोध संख्या' },
    searchExample: { en: 'e.g. RPR-2026-000001', hi: 'उदा. RPR-2026-000001' },
    search: { en: 'Search', hi: 'खोजें' },
    request: { en: 'Request', hi: 'अनुरोध' },
    requestHeading: { en: 'Request ', hi: 'अनुरोध ' },
    noNumber: { en: '(no number)', hi: '(संख्या नहीं)' },
    service: { en: 'Service', hi: 'सेवा' },
    state: { en: 'State', hi: 'स्थिति' },
    registered: { en: 'Registered', hi: 'दर्ज' },
    finished: { en: 'Finished', hi: 'पूरा हुआ' },
    duration: { en: 'Duration', hi: 'अवधि' },
    noRequestMatches: { en: 'No request matches.', hi: 'कोई अनुरोध मेल नहीं खाता।' },
    noRequestsYet: { en: 'No requests yet.', hi: 'अभी कोई अनुरोध नहीं।' },
    requestCount: {
        en: (count, shown) => (count === 1 ? '1 request' : `${shown} requests`),
        hi: (count, shown) => `${shown} अनुरोध`,
    },
    pageOfRequests: {
        en: (first, last, count) => `${first}–${last} of ${count} requests `,
        hi: (first, last, count) => `${count} में से ${first}–${last} अनुरोध `,
    },
    pages: { en: 'Pages', hi: 'पृष्ठ' },
    newer: { en: '‹ Newer', hi: '‹ नए' },
    older: { en: 'Older ›', hi: 'पुराने ›' },
    allRequests: { en: '‹ All requests', hi: '‹ सभी अनुरोध' },
    noHistoryFor: {
        en: (number) => `No process history for ${number}. Check the number; `
            + 'you may also lack the permission to read it.',
        hi: (number) => `${number} का कोई प्रक्रिया इतिहास नहीं मिला। संख्या जाँचें; `
            + 'हो सकता है आपको इसे पढ़ने की अनुमति न हो।',
    },
    processHistory: { en: 'Process history', hi: 'प्रक्रिया इतिहास' },
    noProcessInstance: {
        en: (id) => `No process instance ${id}.`,
        hi: (id) => `प्रक्रिया उदाहरण ${id} नहीं मिला।`,
    },
    startedWithoutNumber: {
        en: (name, note) => `${name}, started without a request number. ${note}`,
        hi: (name, note) => `${name}, अनुरोध संख्या के बिना शुरू हुई। ${note}`,
    },
    urbanBodyAndWard: { en: 'Urban body and ward', hi: 'नगरीय निकाय और वार्ड' },
    bodyAndWard: {
        en: (body, ward) => `${body}, ward ${ward}`,
        hi: (body, ward) => `${body}, वार्ड ${ward}`,
    },
    applicationStatus: { en: 'Application status', hi: 'आवेदन की स्थिति' },
    closed: { en: 'Closed', hi: 'बंद' },
    openSteps: { en: 'Open steps', hi: 'खुले चरण' },
    offeredTo: { en: (groups) => ` — offered to ${groups}`, hi: (groups) => ` — ${groups} के लिए उपलब्ध` },
    due: { en: ' (due ', hi: ' (अंतिम तिथि ' },
    none: { en: 'none', hi: 'कोई नहीं' },
    process: { en: 'Process', hi: 'प्रक्रिया' },
    recordForbidden: {
        en: 'Your role may not read the application\'s record of this request (status and milestones). '
            + 'The process history below is complete.',
        hi: 'आपकी भूमिका इस अनुरोध का एप्लिकेशन रिकॉर्ड (स्थिति और पड़ाव) नहीं पढ़ सकती। '
            + 'नीचे दिया प्रक्रिया इतिहास पूरा है।',
    },
    recordUnreadable: {
        en: (status, message) => `The application's record of this request could not be read (HTTP ${status}: `
            + `${message}). The process history below is complete.`,
        hi: (status, message) => `इस अनुरोध का एप्लिकेशन रिकॉर्ड पढ़ा नहीं जा सका (HTTP ${status}: `
            + `${message})। नीचे दिया प्रक्रिया इतिहास पूरा है।`,
    },
    processes: { en: 'Processes', hi: 'प्रक्रियाएँ' },
    calledFrom: { en: 'Called from', hi: 'बुलाने वाली प्रक्रिया' },
    started: { en: 'Started', hi: 'शुरू' },
    ended: { en: 'Ended', hi: 'समाप्त' },
    openInCockpit: { en: 'Open in Cockpit', hi: 'Cockpit में खोलें' },
    noProcesses: { en: 'No processes.', hi: 'कोई प्रक्रिया नहीं।' },
    milestones: { en: 'Milestones (application record)', hi: 'पड़ाव (एप्लिकेशन रिकॉर्ड)' },
    when: { en: 'When', hi: 'कब' },
    milestone: { en: 'Milestone', hi: 'पड़ाव' },
    by: { en: 'By', hi: 'किसके द्वारा' },
    detail: { en: 'Detail', hi: 'विवरण' },
    noMilestones: { en: 'No milestones recorded.', hi: 'कोई पड़ाव दर्ज नहीं।' },
    stepCancelled: { en: 'Cancelled', hi: 'रद्द' },
    stepOpen: { en: 'Open', hi: 'खुला' },
    stepDone: { en: 'Done', hi: 'पूरा' },
    step: { en: 'Step', hi: 'चरण' },
    type: { en: 'Type', hi: 'प्रकार' },
    who: { en: 'Who', hi: 'कौन' },
    outcome: { en: 'Outcome', hi: 'परिणाम' },
    noSteps: { en: 'No steps recorded.', hi: 'कोई चरण दर्ज नहीं।' },
    showGateways: { en: (count) => ` Show gateways (${count})`, hi: (count) => ` गेटवे दिखाएँ (${count})` },
    steps: {
        en: (steps, gateways) => `Steps (${steps}${gateways ? ` + ${gateways} gateways` : ''})`,
        hi: (steps, gateways) => `चरण (${steps}${gateways ? ` + ${gateways} गेटवे` : ''})`,
    },
    resolvedAnIncident: { en: 'Resolved an incident', hi: 'घटना सुलझाई' },
    /** An operation on a task: the operation's label and the task's name, both already elements. */
    onTask: {
        en: (label, task) => [label, ' task ', task],
        hi: (label, task) => ['कार्य ', task, ': ', label],
    },
    userOperations: { en: (count) => `User operations (${count})`, hi: (count) => `उपयोगकर्ता संचालन (${count})` },
    what: { en: 'What', hi: 'क्या' },
    enteredOrChanged: { en: 'Entered or changed', hi: 'दर्ज या बदला गया' },
    noOperations: {
        en: 'No user operations recorded (operations are logged when a person acts through Tasklist, '
            + 'Cockpit or the REST API; you need the permission to read the operation log).',
        hi: 'कोई उपयोगकर्ता संचालन दर्ज नहीं (संचालन तब दर्ज होते हैं जब कोई व्यक्ति Tasklist, Cockpit या '
            + 'REST API से काम करता है; संचालन लॉग पढ़ने की अनुमति चाहिए)।',
    },
    empty: { en: '(empty)', hi: '(खाली)' },
    comments: { en: (count) => `Comments (${count})`, hi: (count) => `टिप्पणियाँ (${count})` },
    task: { en: 'Task', hi: 'कार्य' },
    comment: { en: 'Comment', hi: 'टिप्पणी' },
    noComments: {
        en: 'No comments (officers, Mitans and supervisors add them to a task in Tasklist).',
        hi: 'कोई टिप्पणी नहीं (अधिकारी, मितान और पर्यवेक्षक इन्हें Tasklist में किसी कार्य पर जोड़ते हैं)।',
    },
    raisedIn: { en: (process) => `Raised in ${process}: `, hi: (process) => `${process} में उठी: ` },
    incidentOpen: { en: 'Open', hi: 'खुली' },
    incidentResolved: { en: 'Resolved', hi: 'सुलझी' },
    incidentDeleted: { en: 'Deleted', hi: 'हटाई गई' },
    incidents: { en: (count) => `Incidents (${count})`, hi: (count) => `घटनाएँ (${count})` },
    raised: { en: 'Raised', hi: 'कब उठी' },
    message: { en: 'Message', hi: 'संदेश' },
    noIncidents: { en: 'No incidents.', hi: 'कोई घटना नहीं।' },
    noHistoryForInstance: { en: 'No history for this instance.', hi: 'इस उदाहरण का कोई इतिहास नहीं।' },
    /** The tab's lead on a request: the number and the link, both already elements. */
    wholeTrailOf: {
        en: (number, link) => ['The whole trail of request ', number,
            ', across its process and the visits and deliveries it called. ', link, '. '],
        hi: (number, link) => ['अनुरोध ', number, ' का पूरा विवरण, उसकी प्रक्रिया और उसके द्वारा बुलाई गई '
            + 'मुलाकातों और डिलीवरी सहित। ', link, '। '],
    },
    openInRequestHistory: { en: 'Open in Request history', hi: 'अनुरोध इतिहास में खोलें' },
    trailOfInstance: {
        en: 'The trail of this instance and the instances it called. ',
        hi: 'इस उदाहरण और इसके द्वारा बुलाए गए उदाहरणों का विवरण। ',
    },
    // The list's filter (api.js STATES).
    allRequestsFilter: { en: 'All requests', hi: 'सभी अनुरोध' },
    runningFilter: { en: 'Running', hi: 'चल रहे' },
    finishedFilter: { en: 'Finished (any way)', hi: 'समाप्त (किसी भी तरह)' },
    completedFilter: { en: 'Completed', hi: 'पूरे हुए' },
    cancelledFilter: { en: 'Cancelled', hi: 'रद्द' },
    incidentsFilter: { en: 'With incidents', hi: 'घटनाओं वाले' },
    // Durations: 850 ms, 12 s, 5 min 3 s, 2 h 10 min, 3 d 4 h.
    milliseconds: { en: (n) => `${n} ms`, hi: (n) => `${n} मिलीसेकंड` },
    seconds: { en: (n) => `${n} s`, hi: (n) => `${n} सेकंड` },
    minutes: { en: (n) => `${n} min`, hi: (n) => `${n} मिनट` },
    hours: { en: (n) => `${n} h`, hi: (n, count) => `${n} ${count === 1 ? 'घंटा' : 'घंटे'}` },
    days: { en: (n) => `${n} d`, hi: (n) => `${n} दिन` },
});

/**
 * Names of the engine's and the application's codes (a state, a step's type, an operation...), by kind. Where an
 * entry has no English, or a code no entry, the English is made of the code (format.words: "userTask" reads
 * "User task").
 */
export const NAMES = Object.freeze({
    instanceState: {
        ACTIVE: { en: 'Running', hi: 'चल रहा है' },
        SUSPENDED: { en: 'Suspended', hi: 'निलंबित' },
        COMPLETED: { en: 'Completed', hi: 'पूरा हुआ' },
        EXTERNALLY_TERMINATED: { en: 'Cancelled', hi: 'रद्द' },
        INTERNALLY_TERMINATED: { en: 'Terminated by the process', hi: 'प्रक्रिया द्वारा समाप्त' },
    },
    activityType: {
        noneEndEvent: { en: 'End event', hi: 'समाप्ति' },
        startEvent: { en: 'Start event', hi: 'आरंभ' },
        exclusiveGateway: { en: 'Gateway (exclusive)', hi: 'गेटवे (कोई एक रास्ता)' },
        parallelGateway: { en: 'Gateway (parallel)', hi: 'गेटवे (समानांतर)' },
        inclusiveGateway: { en: 'Gateway (inclusive)', hi: 'गेटवे (एक या अधिक रास्ते)' },
        eventBasedGateway: { en: 'Gateway (event-based)', hi: 'गेटवे (घटना-आधारित)' },
        boundaryTimer: { en: 'Timer (boundary)', hi: 'टाइमर (सीमा)' },
        boundaryError: { en: 'Error (boundary)', hi: 'त्रुटि (सीमा)' },
        boundaryMessage: { en: 'Message (boundary)', hi: 'संदेश (सीमा)' },
        intermediateTimer: { en: 'Timer', hi: 'टाइमर' },
        multiInstanceBody: { en: 'Repeated step', hi: 'दोहराया गया चरण' },
        // In English as format.words makes it of the code.
        userTask: { hi: 'उपयोगकर्ता कार्य' },
        serviceTask: { hi: 'सेवा कार्य' },
        callActivity: { hi: 'बुलाई गई प्रक्रिया' },
        businessRuleTask: { hi: 'नियम तालिका कार्य' },
        scriptTask: { hi: 'स्क्रिप्ट कार्य' },
        sendTask: { hi: 'भेजने का कार्य' },
        receiveTask: { hi: 'प्राप्त करने का कार्य' },
        subProcess: { hi: 'उप-प्रक्रिया' },
        errorEndEvent: { hi: 'समाप्ति (त्रुटि)' },
        terminateEndEvent: { hi: 'समाप्ति (पूरी प्रक्रिया)' },
    },
    operation: {
        Claim: { en: 'Claimed', hi: 'कार्य लिया' },
        Complete: { en: 'Completed', hi: 'पूरा किया' },
        Assign: { en: 'Assigned', hi: 'सौंपा' },
        Delegate: { en: 'Delegated', hi: 'किसी और को सौंपा' },
        Resolve: { en: 'Resolved', hi: 'समाधान किया' },
        SetOwner: { en: 'Changed the owner', hi: 'स्वामी बदला' },
        SetPriority: { en: 'Changed the priority', hi: 'प्राथमिकता बदली' },
        Update: { en: 'Updated', hi: 'अद्यतन किया' },
        Create: { en: 'Created', hi: 'बनाया' },
        Delete: { en: 'Deleted', hi: 'हटाया' },
        SetVariable: { en: 'Set a variable', hi: 'चर तय किया' },
        SetVariables: { en: 'Set variables', hi: 'चर तय किए' },
        ModifyVariable: { en: 'Changed variables', hi: 'चर बदले' },
        RemoveVariable: { en: 'Removed a variable', hi: 'चर हटाया' },
        DeleteHistory: { en: 'Deleted history', hi: 'इतिहास हटाया' },
        Suspend: { en: 'Suspended', hi: 'निलंबित किया' },
        Activate: { en: 'Activated', hi: 'सक्रिय किया' },
        ModifyProcessInstance: { en: 'Moved the process', hi: 'प्रक्रिया आगे-पीछे की' },
        SetJobRetries: { en: 'Retried a failed job', hi: 'विफल जॉब फिर चलाया' },
        SetExternalTaskRetries: { en: 'Retried an external task', hi: 'बाहरी कार्य फिर चलाया' },
        CreateIncident: { en: 'Raised an incident', hi: 'घटना दर्ज की' },
        SetRemovalTime: { en: 'Changed the retention', hi: 'रखने की अवधि बदली' },
        SetAnnotation: { en: 'Annotated', hi: 'टिप्पणी जोड़ी' },
    },
    entity: {
        ProcessInstance: { en: 'process instance', hi: 'प्रक्रिया उदाहरण' },
        Task: { en: 'task', hi: 'कार्य' },
        Variable: { en: 'variable', hi: 'चर' },
        Job: { en: 'job', hi: 'जॉब' },
        JobDefinition: { en: 'job definition', hi: 'जॉब परिभाषा' },
        Incident: { en: 'incident', hi: 'घटना' },
        IdentityLink: { en: 'task assignment', hi: 'कार्य का सौंपना' },
        Attachment: { en: 'attachment', hi: 'संलग्नक' },
    },
    incidentType: {
        failedJob: { en: 'Failed job', hi: 'विफल जॉब' },
        failedExternalTask: { en: 'Failed external task', hi: 'विफल बाहरी कार्य' },
    },
    /*
     * The application's request statuses (RequestStatus; the Hindi as in summary.RequestSummaries) and milestones
     * (Requests.record); in English as format.words makes it of the code.
     */
    milestone: {
        REGISTERED: { hi: 'पंजीकृत' },
        MITAN_ASSIGNED: { hi: 'मितान नियुक्त' },
        DOCUMENTS_VERIFIED: { hi: 'दस्तावेज़ सत्यापित' },
        UNDER_SCRUTINY: { hi: 'जाँच में' },
        SUBMITTED: { hi: 'सिंगल विंडो पर दाखिल' },
        APPROVED: { hi: 'स्वीकृत' },
        CERTIFICATE_ISSUED: { hi: 'प्रमाण पत्र जारी' },
        OUT_FOR_DELIVERY: { hi: 'घर पहुँचाने के लिए निकला' },
        DELIVERED: { hi: 'सौंपा गया' },
        REJECTED: { hi: 'अस्वीकृत' },
        CLOSED: { hi: 'बंद' },
        CANCELLED: { hi: 'रद्द' },
        MITAN_CHANGED: { hi: 'मितान बदला गया' },
        PARTICULARS_RECORDED: { hi: 'विवरण दर्ज' },
        REGISTRATION_DELAY: { hi: 'पंजीकरण में देरी' },
        DOCUMENT_UPLOADED: { hi: 'दस्तावेज़ अपलोड' },
        DOCUMENTS_RETURNED: { hi: 'दस्तावेज़ मितान को लौटाए गए' },
        DOCUMENTS_MISSING: { en: 'Documents missing at the visit', hi: 'भेंट में दस्तावेज़ अधूरे मिले' },
        SINGLE_WINDOW_REJECTED: { hi: 'सिंगल विंडो ने अस्वीकार किया' },
        TASK_OVERDUE: { hi: 'कार्य की समय-सीमा पार' },
        SUPERVISOR_SMS_SKIPPED: { hi: 'पर्यवेक्षक को SMS नहीं गया' },
        FEE_DUE: { hi: 'शुल्क देय' },
        FEE_PAID: { hi: 'शुल्क जमा' },
        FEE_PAID_LATE: { hi: 'शुल्क देर से जमा' },
        CORRECTION_OF: { hi: 'इसका सुधार' },
        CORRECTION_ASKED: { hi: 'सुधार माँगा गया' },
        REGISTER_CORRECTED: { hi: 'रजिस्टर में सुधार' },
        ENTERED_FROM_PAPER: { hi: 'कागज़ी रिकॉर्ड से दर्ज' },
        SUPERSEDED: { hi: 'नए प्रमाण पत्र से बदला गया' },
        DELIVERY_LOCKED: { hi: 'डिलीवरी रोकी गई' },
        DELIVERY_UNLOCKED: { hi: 'डिलीवरी फिर खोली गई' },
        DELIVERY_OTP_RESENT: { hi: 'डिलीवरी OTP फिर भेजा' },
        DELIVERY_OTP_REPLACED: { hi: 'डिलीवरी OTP बदला गया' },
        FEEDBACK_RECEIVED: { hi: 'प्रतिक्रिया मिली' },
    },
});

/** The text of an entry of TEXT in the chosen locale; values fill a text that names them. */
export function t(key, ...values) {
    const entry = TEXT[key];
    if (!entry) {
        throw new Error('No text ' + key);
    }
    const text = entry[LOCALE] ?? entry.en;
    return typeof text === 'function' ? text(...values) : text;
}

/** The name of a code of the kind given in the chosen locale, or null: then format.words names it. */
export function nameOf(kind, code) {
    const entry = NAMES[kind][code];
    return (entry && (entry[LOCALE] ?? entry.en)) || null;
}
