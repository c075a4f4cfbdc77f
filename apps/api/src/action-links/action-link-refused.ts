import { HttpStatus } from '@nestjs/common';
import { formatDueDate } from '@plancycle/notifications';

/** Why a link cannot be used, told to the person who clicked it: status, stable code, message. */
export class ActionLinkRefused extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const at = (instant: string | Date) => formatDueDate(new Date(instant).toISOString(), 'vi');

/** Every refusal a link can meet before the plan's workflow is asked, each with its own code. */
export const LINK_REFUSALS = {
  invalid: () => new ActionLinkRefused(HttpStatus.BAD_REQUEST, 'LINK_INVALID', 'Liên kết không hợp lệ: có thể nó đã bị sửa hoặc bị cắt mất một phần khi sao chép.'),
  expired: (expiresAt: Date) =>
    new ActionLinkRefused(HttpStatus.GONE, 'LINK_EXPIRED', `Liên kết đã hết hạn vào ${at(expiresAt)} (liên kết hết hạn cùng hạn xử lý của việc).`),
  used: (usedAt: string) =>
    new ActionLinkRefused(HttpStatus.CONFLICT, 'LINK_USED', `Liên kết này đã được dùng vào ${at(usedAt)}; quyết định đã được ghi nhận và không thực hiện lại.`),
  otherUser: (intendedFor: string, signedInAs: string) =>
    new ActionLinkRefused(
      HttpStatus.FORBIDDEN,
      'LINK_OTHER_USER',
      `Liên kết này được gửi cho ${intendedFor}, nhưng bạn đang đăng nhập bằng tài khoản ${signedInAs}. Mỗi người chỉ dùng liên kết trong thư của chính mình.`,
    ),
  inactive: () => new ActionLinkRefused(HttpStatus.FORBIDDEN, 'LINK_USER_INACTIVE', 'Tài khoản nhận liên kết này không còn hoạt động.'),
  staleVersion: (linkVersion: number, latestVersion: number) =>
    new ActionLinkRefused(
      HttpStatus.CONFLICT,
      'LINK_STALE_VERSION',
      `Liên kết dành cho phiên bản ${linkVersion}, nhưng kế hoạch đã có phiên bản ${latestVersion}. Hãy xử lý phiên bản mới nhất.`,
    ),
  taskClosed: () => new ActionLinkRefused(HttpStatus.CONFLICT, 'LINK_TASK_CLOSED', 'Việc này đã được xử lý (có thể bởi một người khác cùng thẩm quyền).'),
  notAnAction: () => new ActionLinkRefused(HttpStatus.BAD_REQUEST, 'LINK_NOT_AN_ACTION', 'Liên kết này chỉ để xem việc; hãy chọn một thao tác trên trang.'),
  commentsRequired: () => new ActionLinkRefused(HttpStatus.BAD_REQUEST, 'LINK_COMMENTS_REQUIRED', 'Khi trả lại, cần ghi rõ lý do để đơn vị soạn thảo biết cần sửa gì.'),
  commentsTooLong: (max: number) => new ActionLinkRefused(HttpStatus.BAD_REQUEST, 'LINK_COMMENTS_TOO_LONG', `Ý kiến tối đa ${max} ký tự.`),
} as const;
