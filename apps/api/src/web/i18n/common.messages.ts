import { defineMessages } from './locale';

/** Texts of the page shell and of what every page shares (errors, stages, buttons). */
export const commonText = defineMessages({
  vi: {
    appName: 'PlanCycle',
    tagline: 'Kế hoạch thông tin đối ngoại',
    skipToContent: 'Bỏ qua đến nội dung chính',
    navInbox: 'Việc của tôi',
    navCycles: 'Chu kỳ',
    navAdmin: 'Quản trị',
    signOut: 'Đăng xuất',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    errorTitle: 'Không thực hiện được',
    errorCode: 'Mã lỗi',
    back: 'Quay lại',
    home: 'Về trang Việc của tôi',
    notFoundTitle: 'Không tìm thấy trang',
    notFoundMessage: 'Địa chỉ này không có trong PlanCycle. Hãy kiểm tra lại đường dẫn.',
    badRequest: 'Yêu cầu không hợp lệ.',
    serverError: 'Hệ thống gặp lỗi. Vui lòng thử lại sau hoặc báo quản trị viên.',
    csrfRefused: 'Biểu mẫu đã hết hạn hoặc không gửi từ PlanCycle. Vui lòng tải lại trang và thử lại.',
    stageDrafting: 'Đang soạn thảo',
    stageAppraisal: 'Chờ thẩm định',
    stageApproval: 'Chờ phê duyệt',
    stageIssued: 'Đã ban hành',
    stageWaiting: 'Chưa mở',
    saved: 'Đã lưu.',
    downloads: 'Tải về',
    downloadXlsx: 'Excel (.xlsx)',
    downloadDocx: 'Word (.docx)',
    downloadPdf: 'PDF',
    loginTitle: 'Đăng nhập',
    loginIntro: 'Đăng nhập bằng tài khoản do quản trị viên của tỉnh cấp.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    loginFailed: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  },
  en: {
    appName: 'PlanCycle',
    tagline: 'External information plans',
    skipToContent: 'Skip to main content',
    navInbox: 'My tasks',
    navCycles: 'Cycles',
    navAdmin: 'Administration',
    signOut: 'Sign out',
    switchLanguage: 'Tiếng Việt',
    switchLanguageLabel: 'Chuyển sang tiếng Việt',
    errorTitle: 'Could not be done',
    errorCode: 'Error code',
    back: 'Back',
    home: 'Go to My tasks',
    notFoundTitle: 'Page not found',
    notFoundMessage: 'This address does not exist in PlanCycle. Please check the link.',
    badRequest: 'The request is not valid.',
    serverError: 'Something went wrong. Please try again later or tell your administrator.',
    csrfRefused: 'The form has expired or was not sent from PlanCycle. Please reload the page and try again.',
    stageDrafting: 'Drafting',
    stageAppraisal: 'Awaiting appraisal',
    stageApproval: 'Awaiting approval',
    stageIssued: 'Issued',
    stageWaiting: 'Not open yet',
    saved: 'Saved.',
    downloads: 'Download',
    downloadXlsx: 'Excel (.xlsx)',
    downloadDocx: 'Word (.docx)',
    downloadPdf: 'PDF',
    loginTitle: 'Sign in',
    loginIntro: 'Sign in with the account your province’s administrator gave you.',
    username: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    loginFailed: 'Wrong user name or password.',
  },
});

export function stageLabel(stage: string, locale: 'vi' | 'en'): string {
  const text = commonText(locale);
  const labels: Record<string, string> = { drafting: text.stageDrafting, appraisal: text.stageAppraisal, approval: text.stageApproval, issued: text.stageIssued };
  return labels[stage] ?? text.stageWaiting;
}

/** The download links of a document: `files` maps each format to its address. */
export function downloadLinks(locale: 'vi' | 'en', files: Partial<Record<'xlsx' | 'docx' | 'pdf', string>>): Array<{ href: string; label: string }> {
  const text = commonText(locale);
  const labels = { docx: text.downloadDocx, pdf: text.downloadPdf, xlsx: text.downloadXlsx };
  return (['docx', 'pdf', 'xlsx'] as const).filter((format) => files[format]).map((format) => ({ href: files[format]!, label: labels[format] }));
}
