// A copy button: the text of an input to the clipboard, the button saying so for a moment; where
// the browser refuses the clipboard, the input's text is selected for the person to copy.

/** @param button the button; input the (read-only) input holding the text; words {copied, manual} */
export function bindCopy(button, input, words) {
  const label = button.textContent;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(input.value);
      button.textContent = words.copied;
    } catch (e) {
      input.focus();
      input.select();
      button.textContent = words.manual;
    }
    setTimeout(() => { button.textContent = label; }, 1600);
  });
}
