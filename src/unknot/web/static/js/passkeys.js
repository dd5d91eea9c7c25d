/* Passkeys (WebAuthn): a button with data-passkey="register" | "sign-in" | "join" | "confirm"
   asks the server for options (a fresh challenge kept in the database), hands them to the
   browser's authenticator, and sends the answer back — "confirm" by submitting its form
   with the answer in hidden fields (deleting an account stays one ordinary form post).
   The server checks it with py_webauthn; nothing here is trusted. Without WebAuthn the
   buttons stay hidden and any [data-passkey-missing] note shows instead. */
"use strict";
(function () {
  const supported = !!(window.PublicKeyCredential && navigator.credentials);
  const buttons = document.querySelectorAll("[data-passkey]");
  if (!buttons.length) return;

  function toBytes(text) {
    const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    const raw = atob(b64);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out.buffer;
  }

  function toText(buffer) {
    if (!buffer) return null;
    const bytes = new Uint8Array(buffer);
    let raw = "";
    for (let i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function creationOptions(o) {
    return Object.assign({}, o, {
      challenge: toBytes(o.challenge),
      user: Object.assign({}, o.user, {id: toBytes(o.user.id)}),
      excludeCredentials: (o.excludeCredentials || []).map((c) => Object.assign({}, c, {id: toBytes(c.id)})),
    });
  }

  function requestOptions(o) {
    return Object.assign({}, o, {
      challenge: toBytes(o.challenge),
      allowCredentials: (o.allowCredentials || []).map((c) => Object.assign({}, c, {id: toBytes(c.id)})),
    });
  }

  function common(credential) {
    return {
      id: credential.id, rawId: toText(credential.rawId), type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
    };
  }

  function created(credential) {
    const r = credential.response;
    return Object.assign(common(credential), {response: {
      clientDataJSON: toText(r.clientDataJSON), attestationObject: toText(r.attestationObject),
      transports: r.getTransports ? r.getTransports() : [],
    }});
  }

  function asserted(credential) {
    const r = credential.response;
    return Object.assign(common(credential), {response: {
      clientDataJSON: toText(r.clientDataJSON), authenticatorData: toText(r.authenticatorData),
      signature: toText(r.signature), userHandle: toText(r.userHandle),
    }});
  }

  function csrf(button) {
    const form = button.closest("form");
    const field = form && form.querySelector("input[name=csrf_token]");
    if (field) return field.value;
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  async function post(url, body, token) {
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": token},
      body: JSON.stringify(body || {}),
    });
    let answer = {};
    try { answer = await response.json(); } catch (e) { answer = {}; }
    if (!response.ok) throw new Error(answer.detail || "The server did not accept it; try again.");
    return answer;
  }

  function say(button, text, problem) {
    const out = document.getElementById(button.dataset.status || "passkey-status");
    if (!out) return;
    out.textContent = text;
    out.classList.toggle("problem", !!problem);
  }

  function field(id) {
    const el = document.getElementById(id);
    return el ? el.value : "";
  }

  async function run(button) {
    const kind = button.dataset.passkey;
    const token = csrf(button);
    const started = await post(button.dataset.options, {}, token);
    say(button, "Follow your device's prompt (fingerprint, face or screen lock)…");
    let body;
    if (kind === "confirm") {
      const credential = await navigator.credentials.get({publicKey: requestOptions(started.options)});
      const form = button.closest("form");
      form.elements.passkey_handle.value = started.handle;
      form.elements.passkey_answer.value = JSON.stringify(asserted(credential));
      say(button, "Confirmed. Deleting…");
      form.submit();
      return;
    }
    if (kind === "sign-in") {
      const credential = await navigator.credentials.get({publicKey: requestOptions(started.options)});
      body = {handle: started.handle, credential: asserted(credential), next: field("next")};
    } else {
      const credential = await navigator.credentials.create({publicKey: creationOptions(started.options)});
      body = {handle: started.handle, credential: created(credential),
              name: field(kind === "join" ? "name" : "passkey-name")};
    }
    const done = await post(button.dataset.finish, body, token);
    say(button, kind === "register" ? "Passkey added." : "Signed in.");
    location.assign(done.next || "/");
  }

  buttons.forEach((button) => {
    const box = button.closest("[data-passkey-box]") || button;
    // A passkey belongs to one origin: offered only where the server expects it to be used.
    if (!supported || (box.dataset.origin !== undefined && box.dataset.origin !== location.origin)) {
      box.hidden = true;
      document.querySelectorAll("[data-passkey-missing]").forEach((note) => { note.hidden = false; });
      return;
    }
    box.hidden = false;
    button.addEventListener("click", async (event) => {
      event.preventDefault();
      if (button.dataset.passkey === "join" && !field("name").trim()) {
        say(button, "Write your name first.", true);
        document.getElementById("name").focus();
        return;
      }
      button.disabled = true;
      try {
        await run(button);
      } catch (error) {
        const cancelled = error && (error.name === "NotAllowedError" || error.name === "AbortError");
        say(button, cancelled ? "No passkey was used. You can try again." : error.message, true);
      } finally {
        button.disabled = false;
      }
    });
  });
})();
