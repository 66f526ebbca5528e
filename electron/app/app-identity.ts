/** Must equal `appId` in build/electron-builder.yml (a unit test compares them). */
export const APP_ID = 'cn.gov.zhengzhou.zqa-review';
