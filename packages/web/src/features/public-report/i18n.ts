/** Texts of the public real-name report pages (实名举报), registered under `pr.` when the feature's chunk loads. */
import i18n from '../../i18n';

const zh = {
  brand: '出口退运追溯与风险预警平台',
  title: '出口退运产品实名举报',
  intro: '发现退运或存在安全风险的出口产品在境内销售、流通，可在此向海关实名举报。我们会对您的个人信息严格保密，仅用于核实举报内容。',
  reporter: '举报人信息', product: '举报产品', pictures: '现场照片',
  reporterName: '姓名', idNumber: '公民身份号码', idNumberPh: '18 位身份证号码', phone: '联系电话', phonePh: '手机号码或带区号的固定电话',
  email: '电子邮箱（选填）', officeId: '受理海关', officePh: '请选择您所在地或产品所在地的海关',
  productName: '产品名称', brandOrEnterprise: '品牌或生产/出口企业（选填）', whereSeen: '购买或发现地点',
  whereSeenPh: '如：某市某商场、某电商平台店铺名称', countryCode: '涉及的国家（地区）（选填）', description: '举报内容',
  descriptionPh: '请描述产品存在的问题、发现经过等（至少 10 个字，不支持 HTML）',
  picturesHint: '最多 5 张，JPEG、PNG 或 WebP 格式，每张不超过 5 MB', addPicture: '添加照片',
  pictureTooLarge: '{{name}} 超过 5 MB', pictureType: '{{name}} 不是 JPEG、PNG 或 WebP 图片',
  consent: '本人承诺所举报内容真实，愿意承担相应法律责任，并同意海关就举报事项与本人联系。',
  submit: '提交举报', required: '请填写此项', consentRequired: '请确认实名举报承诺',
  doneTitle: '举报已提交', doneHint: '请妥善保存以下查询码，凭查询码可随时查询办理进度。查询码只显示这一次。',
  trackingCode: '查询码', copy: '复制', copied: '已复制', track: '查询办理进度', another: '再提交一件举报',
  trackTitle: '举报办理进度查询', trackHint: '请输入提交举报时获得的 12 位查询码（如 ABCD-EFGH-JK23）。', trackSubmit: '查询',
  trackNotFound: '未找到该查询码对应的举报，请核对后重试。', status: '办理状态', receivedAt: '提交时间', updatedAt: '最近更新',
  office: '受理海关', toReport: '我要举报', toTrack: '查询进度', toLogin: '工作人员登录',
  footer: '中华人民共和国海关 · 出口退运货物追溯调查',
  steps: { received: '已受理', under_review: '审核', transferred: '移送', investigating: '调查', closed: '办结' },
  limits: {
    title: '公众实名举报频次限制', hint: '超过限制的举报将被拒绝（HTTP 429），并提示举报人稍后再试。',
    perAddressPerHour: '同一网络地址每小时最多举报件数', perIdentityPerDay: '同一身份证号码每天最多举报件数',
  },
};

const en: typeof zh = {
  brand: 'Export Return Traceability and Risk Warning Platform',
  title: 'Real-name report of a returned export product',
  intro: 'If you find a returned or unsafe export product on sale or in circulation in China, you can report it to customs here under your real name. Your personal data is kept confidential and used only to verify the report.',
  reporter: 'About you', product: 'The product', pictures: 'Pictures',
  reporterName: 'Name', idNumber: 'Resident identity number', idNumberPh: '18 characters', phone: 'Phone', phonePh: 'Mobile or landline with area code',
  email: 'E-mail (optional)', officeId: 'Customs office', officePh: 'The customs office where you or the product are',
  productName: 'Product', brandOrEnterprise: 'Brand, manufacturer or exporter (optional)', whereSeen: 'Where bought or seen',
  whereSeenPh: 'e.g. a shopping mall, an online shop', countryCode: 'Country or region concerned (optional)', description: 'What you report',
  descriptionPh: 'Describe the problem and how you found it (at least 10 characters, no HTML)',
  picturesHint: 'Up to 5 pictures, JPEG, PNG or WebP, at most 5 MB each', addPicture: 'Add pictures',
  pictureTooLarge: '{{name}} is larger than 5 MB', pictureType: '{{name}} is not a JPEG, PNG or WebP picture',
  consent: 'I confirm that this report is true, accept legal responsibility for it and agree to be contacted by customs about it.',
  submit: 'Send the report', required: 'Required', consentRequired: 'Please confirm the statement',
  doneTitle: 'Your report was received', doneHint: 'Keep this tracking code to follow your report. It is shown only once.',
  trackingCode: 'Tracking code', copy: 'Copy', copied: 'Copied', track: 'Follow the report', another: 'Send another report',
  trackTitle: 'Follow a report', trackHint: 'Enter the 12-character tracking code you received (e.g. ABCD-EFGH-JK23).', trackSubmit: 'Look up',
  trackNotFound: 'No report has this tracking code; please check it.', status: 'Status', receivedAt: 'Sent', updatedAt: 'Last update',
  office: 'Customs office', toReport: 'Report a product', toTrack: 'Follow a report', toLogin: 'Staff login',
  footer: 'Customs of the People\'s Republic of China · Traceability of returned export goods',
  steps: { received: 'Received', under_review: 'Review', transferred: 'Transferred', investigating: 'Investigation', closed: 'Closed' },
  limits: {
    title: 'Public report limits (实名举报频次限制)', hint: 'Reports over a limit are refused (HTTP 429) and the reporter is asked to try again later.',
    perAddressPerHour: 'Reports per network address per hour', perIdentityPerDay: 'Reports per identity number per day',
  },
};

i18n.addResourceBundle('zh', 'translation', { pr: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { pr: en }, true, false);
