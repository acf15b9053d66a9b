// We drive Debian's Chromium (or one named by PUPPETEER_EXECUTABLE_PATH); never download a browser.
module.exports = { skipDownload: true };
