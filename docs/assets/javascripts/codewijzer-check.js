// Codewijzer checkers in the page. Draws each checker's form from its schema (a JSON data block
// written by the build), sends all answers once per change to one shared Web Worker running Python,
// and shows what Python returns: which questions show, their messages, and the outcome.
// JavaScript decides nothing about the rules. All Dutch wording comes from the page, none from here.
// Nothing is stored or sent: no cookies, no storage, no network requests with answers.

const shared = { worker: null, port: null, ready: null, pending: new Map(), sequence: 0, sentRules: new Set(),
  warmed: new Set(), progress: null, progressListeners: new Set() };

// Chromium 148+ keeps a shared worker alive for a short while after its last page has gone
// (extendedLifetime): a reload, the next checker page or a second tab then finds Python running
// instead of starting it again. Whether the browser knows the option is read without creating a
// worker: the constructor reads the options it knows, then rejects the unparsable URL.
// Elsewhere (and where SharedWorker is missing): a dedicated worker per page.
function sharedWorkerLivesOn() {
  if (typeof SharedWorker !== "function") return false;
  let known = false;
  try {
    new SharedWorker("http://[", { get extendedLifetime() { known = true; return true; } });
  } catch { /* always: SyntaxError for the URL */ }
  return known;
}

// On a full load of a checker page, overrides/partials/codewijzer-start.js opens the same worker from <head>.
function openWorker(url, name) {
  if (sharedWorkerLivesOn()) {
    const worker = new SharedWorker(url, { type: "module", name, extendedLifetime: true });
    return { worker, port: worker.port, stop: () => worker.port.close() };
  }
  const worker = new Worker(url, { type: "module" });
  return { worker, port: worker, stop: () => worker.terminate() };
}

// What the browser says about the reader's link (Chromium only; elsewhere nothing): the worker fetches
// the snapshot for next time only where that pays (codewijzer-worker.js, snapshotForNextTimePays).
function connectionClass() {
  const connection = navigator.connection;
  return connection ? { effectiveType: connection.effectiveType, saveData: connection.saveData } : null;
}

// The worker the page's <head> opened and started (overrides/partials/codewijzer-start.js, on a full load
// of a checker page), taken once, with the messages it has sent meanwhile.
function adoptEarlyWorker(name) {
  const early = window.codewijzerEarlyWorker;
  if (!early || early.name !== name) return null;
  window.codewijzerEarlyWorker = null;
  return early;
}

function startWorker(base, wheel, runtime) {
  if (!shared.ready) {
    shared.ready = new Promise((resolve, reject) => {
      // The name keeps pages of another build off this Python: the snapshot's name hashes
      // Pyodide's version, the wheel and every checker's rules (checker_assets.runtime_names).
      const name = `codewijzer ${runtime.snapshot} ${wheel}`;
      const early = adoptEarlyWorker(name);
      shared.progress = null;
      try {
        shared.created = early ? early.created : performance.now();
        Object.assign(shared, early
          ? { worker: early.worker, port: early.port, stop: early.stop }
          : openWorker(new URL(`${base}assets/javascripts/codewijzer-worker.js`, location.href), name));
      } catch (error) {
        reject(error);
        return;
      }
      const receive = (data) => {
        if (data.type === "ready") {
          // Worker start-up timings (ms since the worker started), read by the benchmark.
          document.documentElement.dataset.cwWorkerTimings = JSON.stringify({ ...data.timings, created: shared.created });
          resolve();
        } else if (data.type === "progress") {     // how far the start's downloads are (codewijzer-worker.js)
          shared.progress = data;
          for (const listener of shared.progressListeners) listener(data);
        } else if (data.type === "result") {
          mark("cw-received", { id: data.id, worker: data.measure });
          shared.pending.get(data.id)?.resolve(JSON.parse(data.result));
          shared.pending.delete(data.id);
        } else if (data.type === "error") {
          if (data.id !== undefined && shared.pending.has(data.id)) {
            shared.pending.get(data.id).reject(new Error(data.message));
            shared.pending.delete(data.id);
          } else reject(new Error(data.message));
        }
      };
      shared.port.onmessage = ({ data }) => receive(data);
      shared.worker.onerror = (event) => reject(new Error(event.message || "worker"));
      if (early) {             // already told to start: what it said meanwhile, in order
        early.messages.forEach(receive);
        if (early.error) reject(early.error);
      } else {
        shared.port.postMessage({ type: "start", runtime, connection: connectionClass(),
          wheel: new URL(`${base}assets/checkers/${wheel}`, location.href).href });
      }
    });
    shared.ready.catch(() => {
      shared.ready = null; shared.stop?.(); shared.worker = null; shared.port = null; shared.sentRules.clear();
      shared.warmed.clear();
    });
  }
  return shared.ready;
}

// Performance marks for `make bench` (where an answer's time goes), only when the benchmark has set
// window.__codewijzerMeasure before the page ran: otherwise nothing is marked and nothing extra is sent.
function measuring() {
  return window.__codewijzerMeasure === true;
}

function mark(name, detail) {
  if (measuring()) performance.mark(name, { detail });
}

function ask(request) {
  const id = ++shared.sequence;
  return new Promise((resolve, reject) => {
    shared.pending.set(id, { resolve, reject });
    const message = { type: "evaluate", id, request: JSON.stringify(request) };
    if (measuring()) message.measure = true;
    mark("cw-sent", { id });
    shared.port.postMessage(message);
  });
}

// Scrolling follows the reader's "reduce motion" setting.
function motion() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}

// The day in Dutch words for the outcome's facts. The first Dutch date format of a page loads the
// browser's Dutch locale data (about 25 ms): made once, while Python starts, not on the first outcome.
let dutchDayFormat = null;
function dutchToday() {
  dutchDayFormat ??= new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  return dutchDayFormat.format(new Date());
}

function localDate() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

// One JSON data block per checker (build_scripts/checker_embed.py): the form's schema, the rule set
// for Python (passed on, never read here), the practice examples, the interface text and the runtime.
function readData(section) {
  // Inside a <template>: Material's instant navigation re-creates content scripts without their type.
  return JSON.parse(section.querySelector("template.cw-check-data").content.querySelector("script").textContent);
}

class Checker {
  constructor(section) {
    this.section = section;
    const data = readData(section);
    this.schema = data.schema;
    this.rules = data.rules;
    this.examples = data.examples;
    this.warm = data.warm;             // answer sets for warmUp, chosen by the build (checker_embed.warm_answers)
    this.text = data.texts;
    this.runtime = data.runtime;
    this.today = data.today;           // set only in a build for another day (CODEWIJZER_DATUM)
    this.context = data.context;       // organisation, contact points, glossary: passed to Python with the rules
    this.prefix = `cw-${section.dataset.checker}`;
    this.latest = 0;
    this.ready = false;
    this.status = section.querySelector(".cw-check-status");
  }

  // The rules list after the section (the page's fallback); asked for when needed: the form may be drawn
  // before the parser has reached it.
  get fallback() {
    return document.getElementById(`check-${this.section.dataset.checker}-regels`);
  }

  // The form is drawn from the schema at once: the first questions can be answered while Python
  // starts. Answers given meanwhile stay in the form and are evaluated as soon as Python is ready.
  async start() {
    this.build();
    this.say(this.text.laden);
    this.showMessage(this.text.laden_uitkomst);
    this.outcome.setAttribute("aria-busy", "true");
    const example = this.applyExample();
    setTimeout(dutchToday, 0);                  // while Python starts (see dutchToday)
    // Last resort for a start that hangs: show the rules; if Python arrives after all, carry on.
    const slow = setTimeout(() => this.fail(), 60_000);
    const progress = (data) => this.showProgress(data);
    shared.progressListeners.add(progress);
    try {
      const started = startWorker(this.section.dataset.base, this.section.dataset.wheel, this.runtime);
      this.showProgress(shared.progress);       // a worker already under way (another checker on this page)
      await started;
    } catch (error) {
      console.warn("Codewijzer: the checker could not start:", error);   // the cause, for whoever looks
      this.fail();
      return;
    } finally {
      clearTimeout(slow);
      shared.progressListeners.delete(progress);
    }
    this.ready = true;
    if (!this.form.isConnected) this.build();    // Python came after all, after the 60-second fallback
    // The rules reach Python and the answers given so far are evaluated before the check says it is
    // ready: that first evaluation is the slowest (Python reads the rules), and the reader's next answer
    // should not wait for it.
    await this.update();
    if (this.section.dataset.state === "error") return;   // Python could not answer: the rules list took over
    this.outcome.removeAttribute("aria-busy");
    this.status.classList.remove("cw-check-fout");
    this.section.dataset.state = "ready";
    this.say(example ? this.text.voorbeeld_ingevuld : this.text.klaar);
    this.fallback?.querySelector("details")?.removeAttribute("open");
    if (example) this.reveal({ push: false });
    else if (this.submitWhenReady) {
      this.submitWhenReady = false;
      this.submit();
    }
    this.warmUp().then(announceSettled);         // Material's search index after that (see announceSettled)
  }

  // The first answer that takes a new path through Python waits while the browser compiles the parts of
  // Python it needs (WebAssembly functions are compiled on first use, up to 20 ms each). So once Python
  // has this checker's rules, the worker takes those paths itself (the build's answer sets), one at a
  // time, while the reader reads the first question; a reader's own answer goes first. Results unused.
  warmUp() {
    const key = this.rulesKey();
    if (!shared.port || shared.warmed.has(key) || !shared.sentRules.has(key)) return Promise.resolve();
    shared.warmed.add(key);
    const requests = this.warm.map((answers) => JSON.stringify(this.request(this.question(answers))));
    const id = ++shared.sequence;
    return new Promise((resolve) => {
      shared.pending.set(id, { resolve, reject: resolve });
      shared.port.postMessage({ type: "warm", id, requests });
    });
  }

  rulesKey() {
    return `${this.section.dataset.code}/${this.section.dataset.checker}/${this.section.dataset.wheel}`;
  }

  say(message) {
    this.status.hidden = false;
    this.status.textContent = message;
  }

  fail() {
    this.section.dataset.state = "error";
    announceSettled();
    this.say(this.text.fout);
    this.status.classList.add("cw-check-fout");
    // No half-working form: the rules list below takes over.
    for (const part of this.parts || []) part.remove();
    this.fallback?.querySelector("details")?.setAttribute("open", "");
  }

  build() {
    this.form = element("form", { class: "cw-check-form", novalidate: true, autocomplete: "off" });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.fields = new Map();
    const visible = new Set(this.schema.visible);
    for (const question of this.schema.questions) {
      const field = this.buildQuestion(question);
      field.wrapper.hidden = !visible.has(question.id);
      this.fields.set(question.id, field);
      this.form.append(field.wrapper);
    }
    // The outcome appears by itself; this button (and Enter in a text field) takes keyboard users to it,
    // or back to the question that still needs an answer or a correction.
    this.form.append(element("p", { class: "cw-check-verder" },
      element("button", { type: "submit", class: "md-button md-button--primary", text: this.text.naar_uitkomst })));
    this.form.addEventListener("input", () => this.update());
    // A tap or click on an answer that completes the form takes the reader to the outcome (GOV.UK: the
    // page after the last question). Arrow keys through options never move focus away: keyboard users go
    // on with Enter or "Naar de uitkomst".
    this.form.addEventListener("pointerdown", (event) => { this.tapped = true; this.foresee(event.target); });
    this.form.addEventListener("keydown", () => { this.tapped = false; });
    this.form.addEventListener("change", () => {
      const reveal = this.tapped;
      this.tapped = false;
      this.update().then(() => { if (reveal && this.result?.status === "uitkomst" && this.revealDue()) this.reveal(); });
    });
    this.summary = element("div", { class: "cw-foutoverzicht utrecht-alert utrecht-alert--error", role: "alert",
      tabindex: "-1", hidden: true, "aria-labelledby": `${this.prefix}-foutoverzicht-kop` });
    this.form.prepend(this.summary);
    this.outcome = element("div", { class: "cw-check-uitkomst", "aria-live": "polite", "aria-atomic": "true" });
    const again = element("button", { type: "button", class: "md-button", text: this.text.opnieuw });
    const print = element("button", { type: "button", class: "md-button", text: this.text.afdrukken });
    const save = element("button", { type: "button", class: "md-button", text: this.text.opslaan });
    again.addEventListener("click", () => this.restart());
    print.addEventListener("click", () => this.print());
    save.addEventListener("click", () => this.save());
    this.actions = element("div", { class: "cw-check-acties", hidden: true }, print, save);
    this.parts = [this.form, this.outcome, this.actions, element("p", { class: "cw-check-opnieuw" }, again)];
    this.section.append(...this.parts);
  }

  // Form markup after the NL Design System form patterns (Utrecht component library class names):
  // a question with options is a fieldset with a legend; hint and error message sit between the
  // question and the input, and the input names both in aria-describedby.
  buildQuestion(question) {
    const id = `${this.prefix}-${question.id}`;
    const hint = question.hint
      ? element("p", { class: "utrecht-form-field-description cw-hulp", id: `${id}-hulp`, text: question.hint }) : null;
    const error = element("p", { class: "utrecht-form-field-error-message cw-fout", id: `${id}-fout`, hidden: true });
    const described = [hint && `${id}-hulp`, `${id}-fout`].filter(Boolean).join(" ");
    let wrapper;
    let inputs;
    if (question.kind === "amount") {
      const input = element("input", { type: "text", id, name: question.id, inputmode: "decimal",
        autocomplete: "off", spellcheck: "false", "aria-describedby": described,
        class: "utrecht-textbox utrecht-textbox--html-input cw-bedrag" });
      const label = element("label", { for: id, class: "utrecht-form-label", text: question.text });
      wrapper = element("div", { class: "utrecht-form-field utrecht-form-field--text cw-vraag", "data-vraag": question.id },
        element("div", { class: "utrecht-form-field__label" }, label), hint, error,
        element("div", { class: "utrecht-form-field__input" }, input));
      inputs = [input];
    } else {
      inputs = question.options.map((option, index) => element("input", { type: "radio", name: id, id: `${id}-${index}`,
        value: option.value, class: "utrecht-radio-button utrecht-radio-button--html-input" }));
      const choices = question.options.map((option, index) =>
        element("div", { class: "utrecht-form-field utrecht-form-field--radio cw-optie" },
          element("div", { class: "utrecht-form-field__input" }, inputs[index]),
          element("div", { class: "utrecht-form-field__label" },
            element("label", { for: `${id}-${index}`, class: "utrecht-form-label utrecht-form-label--radio", text: option.text }))));
      const fieldset = element("fieldset", { class: "utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset",
        "aria-describedby": described },
        element("legend", { class: "utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend", text: question.text }),
        hint, error, element("div", { class: "cw-opties" }, ...choices));
      wrapper = element("div", { class: "utrecht-form-fieldset cw-vraag", "data-vraag": question.id }, fieldset);
    }
    return { question, wrapper, inputs, error };
  }

  // Every answer the form holds, shown or not: Python decides which questions count.
  answers({ shownOnly = false } = {}) {
    const answers = {};
    for (const [id, field] of this.fields) {
      if (shownOnly && field.wrapper.hidden) continue;
      if (field.question.kind === "amount") {
        if (field.inputs[0].value.trim() !== "") answers[id] = field.inputs[0].value;
      } else {
        const checked = field.inputs.find((input) => input.checked);
        if (checked) answers[id] = checked.value;
      }
    }
    return answers;
  }

  // One round trip per change: all answers out; visibility, messages and outcome back. A tap on an option
  // fires both "input" and "change", and leaving a text field fires "change" after its "input"s: the same
  // answers are asked once, and every caller waits for that one answer.
  update(answers = this.answers()) {
    if (!this.ready) return Promise.resolve();   // kept in the form; start() evaluates them when ready
    const question = this.question(answers);
    if (question.key !== this.asked) {
      this.asked = question.key;
      const foreseen = this.foreseen?.key === question.key ? this.foreseen.result : null;
      this.foreseen = null;
      this.answered = this.evaluate(foreseen ?? this.askAbout(question));
    }
    return this.answered;
  }

  // Dated limits apply by the reader's own date (local, not UTC), so the outcome follows the rule of today.
  question(answers) {
    const today = this.today || localDate();
    return { answers, today, key: JSON.stringify([answers, today]) };
  }

  request({ answers, today }) {
    return { checker: this.section.dataset.checker, rules_key: this.rulesKey(), answers, today };
  }

  askAbout(question) {
    const request = this.request(question);
    const key = request.rules_key;
    if (!shared.sentRules.has(key)) {            // the rules travel to the worker once, then only the key
      request.rules = this.rules;
      request.context = this.context;
      shared.sentRules.add(key);
    }
    return ask(request);
  }

  // A finger rests on an option for 50-150 ms before the click that checks it: Python is asked about the
  // answers as they will be on pointerdown, so that the outcome can be drawn in the click's own frame
  // instead of after it. Nothing is shown until the click has really given that answer (update).
  foresee(target) {
    const input = target.closest?.(".cw-optie")?.querySelector("input[type=radio]");
    if (!this.ready || !input || input.checked) return;
    const id = [...this.fields.values()].find((field) => field.inputs.includes(input))?.question.id;
    if (!id) return;
    const question = this.question({ ...this.answers(), [id]: input.value });
    if (question.key === this.asked || question.key === this.foreseen?.key) return;
    const result = this.askAbout(question);
    result.catch(() => {});                      // a failure counts only if the answer is given (evaluate)
    this.foreseen = { key: question.key, result };
  }

  async evaluate(asked) {
    const ticket = ++this.latest;
    let result;
    try {
      result = await asked;
    } catch (error) {
      this.fail();
      return;
    }
    if (ticket !== this.latest) return;          // a newer answer is on its way: the last answer wins
    this.render(result);
  }

  render(result) {
    this.section.dataset.renders = String(Number(this.section.dataset.renders || 0) + 1);   // for the benchmark
    const visible = new Set(result.visible || []);
    const missing = new Set(this.showMissing ? result.missing || [] : []);
    for (const [id, field] of this.fields) {
      field.wrapper.hidden = !visible.has(id);
      const message = (result.errors || {})[id] ||
        (missing.has(id) ? this.text[field.question.kind === "amount" ? "bedrag_leeg" : "niet_beantwoord"] : "");
      field.error.hidden = !message;
      field.error.textContent = message || "";
      field.wrapper.classList.toggle(field.question.kind === "amount" ? "utrecht-form-field--invalid" : "utrecht-form-fieldset--invalid", Boolean(message));
      for (const input of field.inputs) {
        if (message) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    }
    this.section.dataset.outcome = result.status;
    if (result.status === "uitkomst") this.showMissing = false;
    this.updateSummary();
    this.actions.hidden = result.status !== "uitkomst";
    if (result.status === "uitkomst") this.showOutcome(result);
    else this.showMessage(this.text[{ ongeldig: "ongeldig", fout: "rekenfout" }[result.status] || "onvolledig"]);
    this.result = result;
  }

  // How far Python's start is, under the loading message: a bar with the share of the start's two large
  // downloads (counted by the worker), then "starten" without a share while Python starts from them. The
  // outcome area is aria-busy until the check is ready, so a screen reader is not told every step; the bar
  // has its name and value for whoever goes to it.
  showProgress(progress) {
    if (this.ready || !progress?.total || this.outcome.dataset.message !== this.text.laden_uitkomst) return;
    if (!this.progressBar?.isConnected) {
      const id = `${this.prefix}-voortgang`;
      this.progressLabel = element("label", { for: id });
      this.progressBar = element("progress", { id, max: 100 });
      this.progressShare = element("span", { class: "cw-check-procent", "aria-hidden": "true" });
      this.outcome.append(element("p", { class: "cw-check-voortgang" },
        this.progressLabel, this.progressBar, this.progressShare));
    }
    const share = Math.floor((100 * progress.loaded) / progress.total);
    this.progressLabel.textContent = progress.done ? this.text.laden_starten : this.text.laden_downloaden;
    if (progress.done) this.progressBar.removeAttribute("value");    // no share to show while Python starts
    else this.progressBar.value = share;
    this.progressShare.textContent = progress.done ? "" : `${share}%`;
  }

  showMessage(message) {
    if (this.outcome.dataset.message === message) return;
    this.outcome.dataset.message = message;
    this.outcome.dataset.signature = "";         // the same outcome as before the message must show again
    this.outcome.dataset.verdict = "";
    this.outcome.replaceChildren(element("p", { class: "cw-check-wacht", text: message }));
  }

  sourceHref(source) {
    return `${this.section.dataset.base}${source.href}`;
  }

  // The one outcome renderer: the outcome as blocks (heading, note, list of texts with sources),
  // written to the page (toNodes) and to the saved file (toText).
  outcomeBlocks(result) {
    const reasons = (list) => list.map((reason) => ({ text: reason.text, sources: reason.sources }));
    // The heading says what to do and to whom (the rule's 'kop', or the outcome's label: Python picks).
    const blocks = [{ kind: "verdict", text: result.heading || result.verdict_label }];
    if (result.ambiguous) blocks.push({ kind: "note", class: "cw-onduidelijk", text: this.text.onduidelijk });
    blocks.push({ kind: "heading", text: this.text.waarom }, { kind: "list", items: reasons(result.reasons) });
    for (const used of result.limits || []) {
      blocks.push({ kind: "note", class: "cw-regelversie", text: used.text, sources: used.source ? [used.source] : [] });
    }
    if (result.other_reasons?.length) blocks.push({ kind: "heading", text: this.text.ook }, { kind: "list", items: reasons(result.other_reasons) });
    if (result.next_steps?.length) {
      blocks.push({ kind: "heading", text: this.text.vervolg }, { kind: "list", ordered: true,
        items: result.next_steps.map((step) => ({ text: step })) });
    }
    if (result.contacts?.length) {
      blocks.push({ kind: "heading", text: this.text.contact_kop }, { kind: "contacts", items: result.contacts,
        help: result.help_page });
    }
    blocks.push({ kind: "heading", text: this.text.bronnen },
      { kind: "list", class: "cw-bronnen", items: result.sources.map((source) => ({ link: source })) });
    blocks.push({ kind: "heading", text: this.text.jouw_antwoorden }, { kind: "answers", items: this.answerList() },
      { kind: "note", class: "cw-uitkomst-gegevens", text: this.facts() });
    return blocks;
  }

  // Each answer shown, as question and chosen text.
  answerList() {
    return Object.entries(this.answers({ shownOnly: true })).map(([id, value]) => {
      const question = this.fields.get(id).question;
      return { id, question: question.text,
        answer: question.kind === "amount" ? `€ ${value}` : question.options.find((o) => o.value === value)?.text };
    });
  }

  // Organisation, code and version, and the day: on paper and in the saved file.
  facts() {
    const context = this.context || {};
    const day = dutchToday();
    return [context.organisation, context.code && `${context.code} (${this.text.versie}: ${context.version})`,
      `${this.text.datum}: ${day}`].filter(Boolean).join(". ") + ".";
  }

  // Text with the outcome's abbreviations (Python lists them with the glossary's explanation) as <abbr>.
  withAbbreviations(text) {
    const known = Object.keys(this.abbreviations || {});
    if (!known.length) return [text];
    const pattern = new RegExp(`(?<![\\w-])(${known.join("|")})(?![\\w-])`, "g");
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      nodes.push(text.slice(last, match.index), element("abbr", { title: this.abbreviations[match[1]], text: match[1] }));
      last = match.index + match[1].length;
    }
    nodes.push(text.slice(last));
    return nodes.filter((node) => node !== "");
  }

  contactNodes(block) {
    const items = block.items.map((contact) => {
      const ways = [];
      if (contact.link) ways.push(element("li", {}, `${this.text.website}: `, element("a", { href: contact.link, text: contact.link_tekst || contact.link })));
      if (contact.email) ways.push(element("li", {}, `${this.text.email}: `, element("a", { href: `mailto:${contact.email}`, text: contact.email })));
      if (contact.telefoon) ways.push(element("li", {}, `${this.text.telefoon}: `, element("a", { href: `tel:${contact.telefoon.replace(/[^0-9+]/g, "")}`, text: contact.telefoon })));
      if (contact.bereikbaar) ways.push(element("li", { text: `${this.text.bereikbaar}: ${contact.bereikbaar}` }));
      return element("li", { class: "cw-contact", "data-contact": contact.key },
        element("strong", {}, ...this.withAbbreviations(contact.naam)), " ",
        element("span", {}, ...this.withAbbreviations(contact.uitleg || "")),
        ways.length ? element("ul", {}, ...ways) : null,
        contact.persoonlijk ? element("p", { class: "cw-persoonlijk", text: contact.persoonlijk }) : null,
        contact.nog_niet_bekend ? element("p", { class: "cw-nog-niet" }, element("strong", { text: `${this.text.nog_niet_bekend} ` }), contact.nog_niet_bekend) : null);
    });
    const help = block.help ? element("p", {}, element("a", { href: `${this.section.dataset.base}${block.help}#contactpunten`, text: this.text.hulp_pagina })) : null;
    return element("div", { class: "cw-contacten" }, element("ul", {}, ...items), help);
  }

  answerNodes(block) {
    const rows = block.items.map((entry) => {
      const change = element("a", { href: `#${this.prefix}-${entry.id}`, class: "cw-wijzig", "data-vraag": entry.id },
        this.text.wijzig, element("span", { class: "cw-visueel-verborgen", text: ` ${this.text.wijzig_antwoord}: ${entry.question}` }));
      change.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();           // no hash in the URL, and not Material's instant navigation
        this.focusQuestion(entry.id);
      });
      return element("div", { class: "cw-jouw-antwoord" }, element("dt", { text: entry.question }),
        element("dd", { text: entry.answer }), element("dd", { class: "cw-jouw-antwoord-wijzig" }, change));
    });
    return element("dl", { class: "cw-jouw-antwoorden" }, ...rows);
  }

  toNodes(blocks) {
    const links = (sources) => {
      const cite = element("span", { class: "cw-bron" }, `${this.text.bron}: `);
      sources.forEach((source, index) => cite.append(index ? ", " : "", element("a", { href: this.sourceHref(source), text: source.label })));
      return cite;
    };
    const item = (entry) => entry.link
      ? element("li", {}, element("a", { href: this.sourceHref(entry.link), text: entry.link.label }))
      : element("li", {}, element("span", {}, ...this.withAbbreviations(entry.text)), entry.sources?.length ? " " : null,
        entry.sources?.length ? links(entry.sources) : null);
    return blocks.map((block) => {
      if (block.kind === "verdict") return element("h3", { class: "cw-verdict", tabindex: "-1" }, ...this.withAbbreviations(block.text));
      if (block.kind === "contacts") return this.contactNodes(block);
      if (block.kind === "answers") return this.answerNodes(block);
      if (block.kind === "heading") return element("h4", { text: block.text });
      if (block.kind === "note") {
        return element("p", { class: block.class }, element("span", {}, ...this.withAbbreviations(block.text)),
          block.sources?.length ? " " : null, block.sources?.length ? links(block.sources) : null);
      }
      return element(block.ordered ? "ol" : "ul", { class: block.class }, ...block.items.map(item));
    });
  }

  toText(blocks) {
    const url = (source) => new URL(this.sourceHref(source), location.href).href;
    const lines = [];
    for (const block of blocks) {
      if (block.kind === "verdict" || block.kind === "heading") lines.push("", block.text);
      else if (block.kind === "contacts") {
        for (const c of block.items) {
          lines.push(`- ${c.naam}: ${[c.link, c.email, c.telefoon, c.bereikbaar].filter(Boolean).join(", ") || c.persoonlijk || c.nog_niet_bekend || ""}`);
        }
      } else if (block.kind === "answers") {
        for (const entry of block.items) lines.push(`- ${entry.question} ${entry.answer}`);
      } else if (block.kind === "note") {
        lines.push(block.text + (block.sources || []).map((s) => ` (${this.text.bron}: ${s.label})`).join(""));
      } else {
        block.items.forEach((entry, index) => {
          const mark = block.ordered ? `${index + 1}.` : "-";
          lines.push(entry.link ? `${mark} ${entry.link.label}: ${url(entry.link)}`
            : `${mark} ${entry.text}${(entry.sources || []).length ? ` (${this.text.bron}: ${entry.sources.map((s) => s.label).join(", ")})` : ""}`);
        });
      }
    }
    return lines;
  }

  showOutcome(result) {
    const signature = JSON.stringify([result.verdict, result.heading, result.reasons, result.next_steps, result.limits,
      result.contacts, this.answerList()]);
    if (this.outcome.dataset.signature === signature) return;
    this.outcome.dataset.signature = signature;
    this.outcome.dataset.message = "";
    this.outcome.dataset.verdict = result.verdict;
    this.abbreviations = result.abbreviations || {};
    this.outcome.replaceChildren(...this.toNodes(this.outcomeBlocks(result)));
  }

  // Enter or "Naar de uitkomst": focus goes where the reader has to be next. Never on input itself:
  // moving focus while someone types or arrows through options would take the control from them.
  async submit() {
    if (!this.ready) {          // asked while Python still starts: done the moment it is ready (start)
      this.submitWhenReady = true;
      return;
    }
    await this.update();
    const result = this.result;
    if (result?.status === "uitkomst") {
      this.reveal();
      return;
    }
    if (!result || result.status === "fout") return;
    // GOV.UK error summary: every unanswered or invalid question, linked, at the top of the form.
    this.showMissing = true;
    this.render(result);
    if (!this.summary.hidden) this.summary.focus();
  }

  updateSummary() {
    const result = this.result || {};
    const problems = [...this.fields.values()].filter((field) => !field.wrapper.hidden && !field.error.hidden);
    if (!this.showMissing && !this.summary.dataset.shown) { this.summary.hidden = true; return; }
    if (!problems.length) { this.summary.hidden = true; delete this.summary.dataset.shown; return; }
    this.summary.dataset.shown = "";
    this.summary.hidden = false;
    this.summary.replaceChildren(
      element("h3", { id: `${this.prefix}-foutoverzicht-kop`, class: "cw-foutoverzicht-kop", text: this.text.fout_kop }),
      element("ul", {}, ...problems.map((field) => {
        const link = element("a", { href: `#${this.prefix}-${field.question.id}` }, `${field.question.text} `,
          element("span", { class: "cw-foutoverzicht-melding", text: field.error.textContent }));
        link.addEventListener("click", (event) => {
          event.preventDefault();
          event.stopPropagation();
          this.focusQuestion(field.question.id);
        });
        return element("li", {}, link);
      })));
    void result;
  }

  focusQuestion(id) {
    const field = this.fields.get(id);
    if (!field || field.wrapper.hidden) return;
    this.editing = true;
    const input = field.inputs.find((i) => i.checked) || field.inputs[0];
    field.wrapper.scrollIntoView({ block: "center", behavior: motion() });
    input.focus({ preventScroll: true });
  }

  // After the last answer (or "Naar de uitkomst"): the outcome heading in view and focused, as a step in
  // the browser's history (no answers in it), so Back returns to the questions and Forward to the outcome.
  revealDue() {
    const due = this.outcome.dataset.shownSignature !== this.outcome.dataset.signature || this.editing;
    return due;
  }

  reveal({ push = true } = {}) {
    const heading = this.outcome.querySelector(".cw-verdict");
    if (!heading) return;
    this.editing = false;
    this.outcome.dataset.shownSignature = this.outcome.dataset.signature;
    // Material's instant navigation overwrites history.state with the scroll position, so the entry is
    // recognised by its place: one entry for the outcome, pushed once, on the page's own URL.
    if (push && !this.atOutcome) {
      history.pushState(null, "");
      this.outcomeEntry = location.href;
      this.atOutcome = true;
    }
    heading.scrollIntoView({ block: "start", behavior: motion() });
    heading.focus({ preventScroll: true });
  }

  // Back from the outcome: the questions (the last one answered, focused); Forward: the outcome again.
  returnTo() {
    if (!this.outcomeEntry || location.href !== this.outcomeEntry || !this.form?.isConnected) return false;
    const back = this.atOutcome;
    this.atOutcome = !back;
    setTimeout(() => {
      if (!back && this.result?.status === "uitkomst") this.reveal({ push: false });
      else if (back) {
        const shown = [...this.fields.values()].filter((field) => !field.wrapper.hidden);
        const answered = this.answers();
        const last = shown.reverse().find((field) => Object.hasOwn(answered, field.question.id)) || shown.at(-1);
        if (last) this.focusQuestion(last.question.id);
        this.editing = false;
      }
    }, 0);
    return true;
  }

  restart() {
    this.form.reset();
    this.showMissing = false;
    delete this.summary.dataset.shown;
    this.outcome.dataset.shownSignature = "";
    this.asked = null;                           // shown afresh, even when nothing had been answered yet
    this.update({});
    this.fields.get(this.schema.questions[0].id).inputs[0].focus();
  }

  // A practice example's link (#check=<id>) fills in its answers; Python shows the questions they need.
  applyExample() {
    const match = /^#check=([a-z0-9-]{1,80})$/.exec(location.hash);
    const answers = match && Object.hasOwn(this.examples, match[1]) ? this.examples[match[1]] : null;
    if (!answers) return false;
    this.form.reset();
    for (const [id, field] of this.fields) {
      if (!Object.hasOwn(answers, id)) continue;
      const value = String(answers[id]);
      if (field.question.kind === "amount") field.inputs[0].value = value;
      else field.inputs.forEach((input) => { input.checked = input.value === value; });
    }
    if (this.ready) {
      this.update().then(() => {
        this.say(this.text.voorbeeld_ingevuld);
        this.reveal({ push: false });
      });
    }
    return true;
  }

  outcomeText() {
    const lines = [this.text.bestand_kop, this.schema.title, this.facts()];
    lines.push(...this.toText(this.outcomeBlocks(this.result)));
    lines.push("", this.text.bestand_let_op);
    return lines.join("\n") + "\n";
  }

  save() {
    const blob = new Blob([this.outcomeText()], { type: "text/plain;charset=utf-8" });
    const link = element("a", { href: URL.createObjectURL(blob), download: `uitkomst-${this.section.dataset.checker}.txt` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  print() {
    document.body.classList.add("cw-print-uitkomst");
    this.section.classList.add("cw-print-deze");
    const done = () => {
      document.body.classList.remove("cw-print-uitkomst");
      this.section.classList.remove("cw-print-deze");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }
}

// Material's search index on a checker page waits until the checker has settled (partials/codewijzer-zoekindex.js).
const searchChannel = new BroadcastChannel("codewijzer-checker");
let settled = false;
function announceSettled() {
  settled = true;
  searchChannel.postMessage("settled");
}
searchChannel.onmessage = ({ data }) => { if (data === "settled?" && settled) searchChannel.postMessage("settled"); };

function initialise() {
  for (const section of document.querySelectorAll("section.cw-check:not([data-started])")) {
    if (!parsed(section)) continue;
    section.dataset.started = "";
    const checker = new Checker(section);
    section.codewijzer = checker;
    checker.start();
  }
}

// Back and Forward between questions and outcome (Checker.reveal, returnTo): codewijzer-terug.js, a classic
// script inline in <head>, listens before Material does and asks each checker on the page.
window.codewijzerHistory = window.codewijzerHistory || new Set();
window.codewijzerHistory.add(() =>
  [...document.querySelectorAll("section.cw-check")].some((section) => section.codewijzer?.returnTo()));

// A checker page opens its worker from <head> and loads this module there (async, overrides/main.html):
// the worker is taken over at once; the <meta> holds what it needs (build_scripts/page_frame.py).
const early = document.querySelector('meta[name="codewijzer-runtime"]');
if (early) {
  const runtime = JSON.parse(early.content);
  startWorker(new URL("../../", import.meta.url).href, runtime.wheel, runtime).catch(() => {});
}

// A section is complete once the parser has reached its <noscript>, after the data block.
function parsed(section) {
  return document.readyState !== "loading" || section.querySelector(":scope > noscript") !== null;
}

// The form is drawn as soon as its section is parsed: not after the rest of the page and Material's
// script at its end (on a slow phone link, that wait was most of the time to the first question).
if (document.readyState === "loading") {
  const whileParsing = new MutationObserver(initialise);
  whileParsing.observe(document, { childList: true, subtree: true });
  initialise();
  document.addEventListener("DOMContentLoaded", () => whileParsing.disconnect());
}

// Material's instant navigation swaps pages without reloading: document$ emits for each page.
// From <head> this module may run before Material's bundle, so subscribe once the page is parsed.
function whenParsed() {
  if (window.document$) window.document$.subscribe(initialise);
  else initialise();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenParsed);
else whenParsed();
window.addEventListener("hashchange", () => {
  for (const section of document.querySelectorAll("section.cw-check[data-state='ready']")) section.codewijzer?.applyExample();
});
