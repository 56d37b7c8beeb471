// studyhall keyboard shortcuts. A progressive enhancement: every page works without this file,
// through plain forms and redirects; this only adds keys and moves focus to the next action.
//
//   Enter  submits the answer     Space  shows the answer of a recall card
//   1-4    picks a grade          1-9    picks a choice, before answering
//   ?      toggles the keyboard help (so do the help buttons: the footer's, the study bar's)
//   Esc    leaves a text field, so that the keys above work again
//
// Keys are left alone while the student types in a text field, except Enter, which submits,
// and Esc. After Esc then ?, closing the help puts the student back in the field they left.
(function () {
  "use strict";

  var help = document.getElementById("keyboard-help");
  var helpButtons = document.querySelectorAll("#keyboard-help-button, [data-keyboard-help]");
  var reveal = document.querySelector("details.reveal");
  var answerForm = document.querySelector("form[data-answer-form]");
  // The text field Esc last left, to return to once the help is closed.
  var leftField = null;

  function isTyping(element) {
    if (!element) return false;
    if (element.isContentEditable) return true;
    var tag = element.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    return tag === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/.test(element.type);
  }

  function isControl(element) {
    return !!element && element.closest("a, button, summary, input, select, textarea") !== null;
  }

  // A recall card's grades wait inside a closed <details> until the answer is shown.
  function shownGrades() {
    return Array.prototype.filter.call(
      document.querySelectorAll("[data-grade-key]"),
      function (button) { return button.closest("details:not([open])") === null; }
    );
  }

  function focusDefaultGrade(scope) {
    var button = scope.querySelector("[data-default-grade]") || scope.querySelector("[data-grade-key]");
    if (button) button.focus();
  }

  function toggleHelp() {
    if (!help || typeof help.showModal !== "function") return;
    if (help.open) help.close();
    else help.showModal();
  }

  if (help && typeof help.showModal === "function") {
    Array.prototype.forEach.call(helpButtons, function (button) {
      button.hidden = false;
      button.addEventListener("click", toggleHelp);
    });
    // The dialog gives the focus back to what had it, which after Esc is nothing.
    // The close event comes before the browser restores the focus, so look a tick later: if
    // the focus is nowhere, or still inside the closed dialog, go back to the field.
    help.addEventListener("close", function () {
      var field = leftField;
      leftField = null;
      if (!field) return;
      setTimeout(function () {
        var active = document.activeElement;
        var nowhere = !active || active === document.body || help.contains(active);
        if (nowhere && document.contains(field)) field.focus();
      }, 0);
    });
  }

  function leaveField(event, field) {
    event.preventDefault();
    leftField = field;
    field.blur();
  }

  // Once the answer is shown, the next action is to grade: focus the suggested grade.
  if (reveal) {
    reveal.addEventListener("toggle", function () {
      if (reveal.open) focusDefaultGrade(reveal);
    });
  }

  function onEnter(event, target) {
    if (target.type === "radio" || target.type === "checkbox") {
      event.preventDefault();
      if (target.form) target.form.requestSubmit();
      return;
    }
    if (isControl(target)) return; // text fields and buttons submit or act by themselves
    if (reveal && !reveal.open) {
      event.preventDefault();
      reveal.open = true;
      return;
    }
    var next = answerForm || document.querySelector("[data-default-grade]");
    if (!next) return;
    event.preventDefault();
    if (next.tagName === "FORM") next.requestSubmit();
    else next.click();
  }

  function onDigit(event, digit) {
    var grades = shownGrades();
    if (grades.length > 0) {
      if (digit <= grades.length) {
        event.preventDefault();
        grades[digit - 1].click();
      }
      return;
    }
    var choices = document.querySelectorAll("[data-choice-key]");
    if (digit <= choices.length) {
      event.preventDefault();
      var input = choices[digit - 1];
      input.checked = input.type === "radio" ? true : !input.checked;
      input.focus();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (event.key === "Enter") {
      if (!(help && help.open)) onEnter(event, target);
      return;
    }
    if (isTyping(target)) {
      if (event.key === "Escape" && !event.isComposing) leaveField(event, target);
      return;
    }
    if (event.key === "?") {
      event.preventDefault();
      toggleHelp();
      return;
    }
    if (help && help.open) return;
    if (event.key === " " && reveal && !reveal.open && !isControl(target)) {
      event.preventDefault();
      reveal.open = true;
      return;
    }
    if (/^[1-9]$/.test(event.key)) onDigit(event, Number(event.key));
  });
})();
