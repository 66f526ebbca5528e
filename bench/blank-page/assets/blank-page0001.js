/* global document -- this runs in the page */
// The blank page's one script: shows a line, as the app's first screen shows its content.
const shown = document.createElement('p');
shown.dataset.testid = 'blank-shown';
shown.textContent = '市长质量奖现场评审';
document.getElementById('root').append(shown);
