import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import {
  AimOutlined as AntAimOutlined, ApartmentOutlined as AntApartmentOutlined, ArrowDownOutlined as AntArrowDownOutlined, ArrowLeftOutlined as AntArrowLeftOutlined,
  ArrowUpOutlined as AntArrowUpOutlined, AuditOutlined as AntAuditOutlined, BankOutlined as AntBankOutlined, BarChartOutlined as AntBarChartOutlined,
  BellOutlined as AntBellOutlined, CalendarOutlined as AntCalendarOutlined, CameraOutlined as AntCameraOutlined, CarOutlined as AntCarOutlined,
  CheckCircleFilled as AntCheckCircleFilled, CheckOutlined as AntCheckOutlined, CheckSquareOutlined as AntCheckSquareOutlined, CloseCircleFilled as AntCloseCircleFilled,
  CloudDownloadOutlined as AntCloudDownloadOutlined, ClusterOutlined as AntClusterOutlined, CopyOutlined as AntCopyOutlined, CrownOutlined as AntCrownOutlined,
  DashboardOutlined as AntDashboardOutlined, DeleteOutlined as AntDeleteOutlined, DownloadOutlined as AntDownloadOutlined, DragOutlined as AntDragOutlined,
  EditOutlined as AntEditOutlined, ExclamationCircleOutlined as AntExclamationCircleOutlined, FileDoneOutlined as AntFileDoneOutlined, FileExcelOutlined as AntFileExcelOutlined,
  FileTextOutlined as AntFileTextOutlined, FileZipOutlined as AntFileZipOutlined, FlagOutlined as AntFlagOutlined, FormOutlined as AntFormOutlined,
  FundOutlined as AntFundOutlined, GlobalOutlined as AntGlobalOutlined, HistoryOutlined as AntHistoryOutlined, HomeOutlined as AntHomeOutlined,
  IdcardOutlined as AntIdcardOutlined, ImportOutlined as AntImportOutlined, InfoCircleOutlined as AntInfoCircleOutlined, LineChartOutlined as AntLineChartOutlined,
  LogoutOutlined as AntLogoutOutlined, MenuOutlined as AntMenuOutlined, MessageOutlined as AntMessageOutlined, MinusCircleOutlined as AntMinusCircleOutlined,
  MoneyCollectOutlined as AntMoneyCollectOutlined, NotificationOutlined as AntNotificationOutlined, OrderedListOutlined as AntOrderedListOutlined, PaperClipOutlined as AntPaperClipOutlined,
  PhoneOutlined as AntPhoneOutlined, PlusOutlined as AntPlusOutlined, PrinterOutlined as AntPrinterOutlined, ProfileOutlined as AntProfileOutlined,
  QuestionCircleOutlined as AntQuestionCircleOutlined, ReadOutlined as AntReadOutlined, ReconciliationOutlined as AntReconciliationOutlined, RightOutlined as AntRightOutlined,
  RiseOutlined as AntRiseOutlined, SafetyCertificateOutlined as AntSafetyCertificateOutlined, SafetyOutlined as AntSafetyOutlined, SaveOutlined as AntSaveOutlined,
  ScheduleOutlined as AntScheduleOutlined, SearchOutlined as AntSearchOutlined, SendOutlined as AntSendOutlined, SettingOutlined as AntSettingOutlined,
  SolutionOutlined as AntSolutionOutlined, StarOutlined as AntStarOutlined, StopOutlined as AntStopOutlined, SwapOutlined as AntSwapOutlined,
  TeamOutlined as AntTeamOutlined, ThunderboltOutlined as AntThunderboltOutlined, TrophyOutlined as AntTrophyOutlined, UndoOutlined as AntUndoOutlined,
  UnorderedListOutlined as AntUnorderedListOutlined, UploadOutlined as AntUploadOutlined, UserAddOutlined as AntUserAddOutlined, UserOutlined as AntUserOutlined,
  WalletOutlined as AntWalletOutlined,
} from '@ant-design/icons';

/**
 * The icons of the web (issue 21 point 2, "icons labelled"). @ant-design/icons renders each as
 * <span role="img" aria-label="delete">: a screen reader reads the English name inside a Chinese page, and a button
 * with text and an icon is read as "delete 删除". Here every icon is decorative by default (aria-hidden, no role, no
 * name): beside text it adds nothing to hear. An icon that means something on its own (a status mark, a hint with a
 * tooltip) is given its Chinese name: <CheckCircleFilled aria-label="已完成" />, and stays an image with that name.
 * An icon-only control names the control, not the icon: <Button aria-label="删除" icon={<DeleteOutlined />} />.
 *
 * Only this file imports '@ant-design/icons' (eslint.config.js). Each icon is a named import wrapped in a pure call,
 * so the build keeps only the icons some page uses. A new icon is one line in each list below.
 */
type AntIcon = typeof AntPlusOutlined;
export type IconProps = ComponentPropsWithoutRef<AntIcon>;

function decorative(Icon: AntIcon): AntIcon {
  const Wrapped = forwardRef<HTMLSpanElement, IconProps>(({ 'aria-label': label, ...props }, ref) => (label
    ? <Icon ref={ref} {...props} aria-label={label} />
    // role and aria-label undefined override the role="img" and English name the icon sets before its props.
    : <Icon ref={ref} {...props} role={undefined} aria-label={undefined} aria-hidden />));
  Wrapped.displayName = Icon.displayName;
  return Wrapped;
}

export const AimOutlined = /* @__PURE__ */ decorative(AntAimOutlined);
export const ApartmentOutlined = /* @__PURE__ */ decorative(AntApartmentOutlined);
export const ArrowDownOutlined = /* @__PURE__ */ decorative(AntArrowDownOutlined);
export const ArrowLeftOutlined = /* @__PURE__ */ decorative(AntArrowLeftOutlined);
export const ArrowUpOutlined = /* @__PURE__ */ decorative(AntArrowUpOutlined);
export const AuditOutlined = /* @__PURE__ */ decorative(AntAuditOutlined);
export const BankOutlined = /* @__PURE__ */ decorative(AntBankOutlined);
export const BarChartOutlined = /* @__PURE__ */ decorative(AntBarChartOutlined);
export const BellOutlined = /* @__PURE__ */ decorative(AntBellOutlined);
export const CalendarOutlined = /* @__PURE__ */ decorative(AntCalendarOutlined);
export const CameraOutlined = /* @__PURE__ */ decorative(AntCameraOutlined);
export const CarOutlined = /* @__PURE__ */ decorative(AntCarOutlined);
export const CheckCircleFilled = /* @__PURE__ */ decorative(AntCheckCircleFilled);
export const CheckOutlined = /* @__PURE__ */ decorative(AntCheckOutlined);
export const CheckSquareOutlined = /* @__PURE__ */ decorative(AntCheckSquareOutlined);
export const CloseCircleFilled = /* @__PURE__ */ decorative(AntCloseCircleFilled);
export const CloudDownloadOutlined = /* @__PURE__ */ decorative(AntCloudDownloadOutlined);
export const ClusterOutlined = /* @__PURE__ */ decorative(AntClusterOutlined);
export const CopyOutlined = /* @__PURE__ */ decorative(AntCopyOutlined);
export const CrownOutlined = /* @__PURE__ */ decorative(AntCrownOutlined);
export const DashboardOutlined = /* @__PURE__ */ decorative(AntDashboardOutlined);
export const DeleteOutlined = /* @__PURE__ */ decorative(AntDeleteOutlined);
export const DownloadOutlined = /* @__PURE__ */ decorative(AntDownloadOutlined);
export const DragOutlined = /* @__PURE__ */ decorative(AntDragOutlined);
export const EditOutlined = /* @__PURE__ */ decorative(AntEditOutlined);
export const ExclamationCircleOutlined = /* @__PURE__ */ decorative(AntExclamationCircleOutlined);
export const FileDoneOutlined = /* @__PURE__ */ decorative(AntFileDoneOutlined);
export const FileExcelOutlined = /* @__PURE__ */ decorative(AntFileExcelOutlined);
export const FileTextOutlined = /* @__PURE__ */ decorative(AntFileTextOutlined);
export const FileZipOutlined = /* @__PURE__ */ decorative(AntFileZipOutlined);
export const FlagOutlined = /* @__PURE__ */ decorative(AntFlagOutlined);
export const FormOutlined = /* @__PURE__ */ decorative(AntFormOutlined);
export const FundOutlined = /* @__PURE__ */ decorative(AntFundOutlined);
export const GlobalOutlined = /* @__PURE__ */ decorative(AntGlobalOutlined);
export const HistoryOutlined = /* @__PURE__ */ decorative(AntHistoryOutlined);
export const HomeOutlined = /* @__PURE__ */ decorative(AntHomeOutlined);
export const IdcardOutlined = /* @__PURE__ */ decorative(AntIdcardOutlined);
export const ImportOutlined = /* @__PURE__ */ decorative(AntImportOutlined);
export const InfoCircleOutlined = /* @__PURE__ */ decorative(AntInfoCircleOutlined);
export const LineChartOutlined = /* @__PURE__ */ decorative(AntLineChartOutlined);
export const LogoutOutlined = /* @__PURE__ */ decorative(AntLogoutOutlined);
export const MenuOutlined = /* @__PURE__ */ decorative(AntMenuOutlined);
export const MessageOutlined = /* @__PURE__ */ decorative(AntMessageOutlined);
export const MinusCircleOutlined = /* @__PURE__ */ decorative(AntMinusCircleOutlined);
export const MoneyCollectOutlined = /* @__PURE__ */ decorative(AntMoneyCollectOutlined);
export const NotificationOutlined = /* @__PURE__ */ decorative(AntNotificationOutlined);
export const OrderedListOutlined = /* @__PURE__ */ decorative(AntOrderedListOutlined);
export const PaperClipOutlined = /* @__PURE__ */ decorative(AntPaperClipOutlined);
export const PhoneOutlined = /* @__PURE__ */ decorative(AntPhoneOutlined);
export const PlusOutlined = /* @__PURE__ */ decorative(AntPlusOutlined);
export const PrinterOutlined = /* @__PURE__ */ decorative(AntPrinterOutlined);
export const ProfileOutlined = /* @__PURE__ */ decorative(AntProfileOutlined);
export const QuestionCircleOutlined = /* @__PURE__ */ decorative(AntQuestionCircleOutlined);
export const ReadOutlined = /* @__PURE__ */ decorative(AntReadOutlined);
export const ReconciliationOutlined = /* @__PURE__ */ decorative(AntReconciliationOutlined);
export const RightOutlined = /* @__PURE__ */ decorative(AntRightOutlined);
export const RiseOutlined = /* @__PURE__ */ decorative(AntRiseOutlined);
export const SafetyCertificateOutlined = /* @__PURE__ */ decorative(AntSafetyCertificateOutlined);
export const SafetyOutlined = /* @__PURE__ */ decorative(AntSafetyOutlined);
export const SaveOutlined = /* @__PURE__ */ decorative(AntSaveOutlined);
export const ScheduleOutlined = /* @__PURE__ */ decorative(AntScheduleOutlined);
export const SearchOutlined = /* @__PURE__ */ decorative(AntSearchOutlined);
export const SendOutlined = /* @__PURE__ */ decorative(AntSendOutlined);
export const SettingOutlined = /* @__PURE__ */ decorative(AntSettingOutlined);
export const SolutionOutlined = /* @__PURE__ */ decorative(AntSolutionOutlined);
export const StarOutlined = /* @__PURE__ */ decorative(AntStarOutlined);
export const StopOutlined = /* @__PURE__ */ decorative(AntStopOutlined);
export const SwapOutlined = /* @__PURE__ */ decorative(AntSwapOutlined);
export const TeamOutlined = /* @__PURE__ */ decorative(AntTeamOutlined);
export const ThunderboltOutlined = /* @__PURE__ */ decorative(AntThunderboltOutlined);
export const TrophyOutlined = /* @__PURE__ */ decorative(AntTrophyOutlined);
export const UndoOutlined = /* @__PURE__ */ decorative(AntUndoOutlined);
export const UnorderedListOutlined = /* @__PURE__ */ decorative(AntUnorderedListOutlined);
export const UploadOutlined = /* @__PURE__ */ decorative(AntUploadOutlined);
export const UserAddOutlined = /* @__PURE__ */ decorative(AntUserAddOutlined);
export const UserOutlined = /* @__PURE__ */ decorative(AntUserOutlined);
export const WalletOutlined = /* @__PURE__ */ decorative(AntWalletOutlined);
