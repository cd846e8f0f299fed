// Where the guide is served: the folder two levels above the script bundle
// (assets/js/site.<hash>.js), so links, storage names and the worker's address hold on any
// host and under any base path.
export const siteRoot = new URL("../../", import.meta.url);
