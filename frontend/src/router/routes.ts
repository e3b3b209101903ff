import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/access'
import type { OperationId } from '@/stores/user'
import AppLayout from '@/layout/AppLayout.vue'
import { TODO_ROLES } from '@/views/home/todos'

// One component for a new import and an existing one: creating a job only changes the URL.
const ImportWizardView = () => import('@/views/imports/ImportWizardView.vue')

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page name (breadcrumb, menu, document title). */
    titleKey?: string
    /** Any of these roles may open the page; absent: everyone signed in. */
    roles?: readonly Role[]
    /** An admin feature: open to those whom GET /me lists this operation for. */
    permission?: OperationId
    /** Element Plus icon name for the sidebar. */
    icon?:
      | 'HomeFilled'
      | 'OfficeBuilding'
      | 'Document'
      | 'User'
      | 'List'
      | 'Tickets'
      | 'Flag'
      | 'Warning'
      | 'Odometer'
      | 'Calendar'
      | 'Grid'
      | 'Upload'
      | 'Files'
      | 'FolderOpened'
      | 'Bell'
      | 'Connection'
    /** Shown in the sidebar menu. */
    menu?: boolean
    /** The sidebar group the entry sits in (see layout/menu.ts MENU_GROUPS). */
    menuGroup?: 'supervision' | 'risk' | 'bulk'
    /** Route name of the list a detail page belongs to (breadcrumb, highlighted menu entry). */
    parent?: string
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: AppLayout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/views/home/HomeView.vue'),
        meta: { titleKey: 'menu.home', icon: 'HomeFilled', menu: true },
      },
      {
        // Every role the ledgers ask work of (FlowRules steps); others have no to-dos.
        path: 'todos',
        name: 'todos',
        component: () => import('@/views/todos/TodoCenterView.vue'),
        meta: { titleKey: 'menu.todos', icon: 'Bell', menu: true, roles: TODO_ROLES },
      },
      {
        path: 'tasks',
        name: 'tasks',
        component: () => import('@/views/tasks/TaskListView.vue'),
        meta: { titleKey: 'menu.tasks', icon: 'List', menu: true, menuGroup: 'supervision' },
      },
      {
        path: 'tasks/:id',
        name: 'task-detail',
        component: () => import('@/views/tasks/TaskDetailView.vue'),
        meta: { titleKey: 'menu.taskDetail', parent: 'tasks' },
      },
      {
        path: 'assignments',
        name: 'assignments',
        component: () => import('@/views/tasks/AssignmentListView.vue'),
        meta: { titleKey: 'menu.assignments', icon: 'Tickets', menu: true, menuGroup: 'supervision' },
      },
      {
        // 工作记录 (学习、部署、谈话 …) of the assignments in the caller's scope; the figures drill into it.
        path: 'records',
        name: 'records',
        component: () => import('@/views/records/RecordListView.vue'),
        meta: { titleKey: 'menu.records', icon: 'Files', menu: true, menuGroup: 'supervision' },
      },
      {
        path: 'rectifications',
        name: 'rectifications',
        component: () => import('@/views/rectifications/RectListView.vue'),
        meta: { titleKey: 'menu.rectifications', icon: 'Tickets', menu: true },
      },
      {
        path: 'rectifications/:id',
        name: 'rectification-detail',
        component: () => import('@/views/rectifications/RectDetailView.vue'),
        meta: { titleKey: 'menu.rectDetail', parent: 'rectifications' },
      },
      {
        path: 'risks',
        name: 'risks',
        component: () => import('@/views/risks/RiskListView.vue'),
        meta: { titleKey: 'menu.risks', icon: 'Odometer', menu: true, menuGroup: 'risk' },
      },
      {
        path: 'risks/:id',
        name: 'risk-detail',
        component: () => import('@/views/risks/RiskDetailView.vue'),
        meta: { titleKey: 'menu.riskDetail', parent: 'risks' },
      },
      {
        path: 'risk-obligations',
        name: 'risk-obligations',
        component: () => import('@/views/risks/RiskObligationsView.vue'),
        meta: { titleKey: 'menu.riskObligations', icon: 'Calendar', menu: true, menuGroup: 'risk' },
      },
      {
        // Publishing a version is an admin feature (the API's rule, as GET /me lists it); everyone
        // else sees the current thresholds in the 风险台账 legend.
        path: 'risk-matrix',
        name: 'risk-matrix',
        component: () => import('@/views/risks/RiskMatrixView.vue'),
        meta: { titleKey: 'menu.riskMatrix', icon: 'Grid', menu: true, menuGroup: 'risk', permission: 'createRiskMatrix' },
      },
      {
        // 全面从严治党工作开展情况报告: drafted from the ledgers; everyone reads those in their scope.
        path: 'reports',
        name: 'reports',
        component: () => import('@/views/reports/ReportListView.vue'),
        meta: { titleKey: 'menu.reports', icon: 'Document', menu: true },
      },
      {
        path: 'reports/:id',
        name: 'report-detail',
        component: () => import('@/views/reports/ReportDetailView.vue'),
        meta: { titleKey: 'menu.reportDetail', parent: 'reports' },
      },
      {
        // Importing is for those whom GET /me lists createImport for (the ledgers each may fill come from the API).
        path: 'imports/new',
        name: 'import-new',
        component: ImportWizardView,
        meta: { titleKey: 'menu.importNew', icon: 'Upload', menu: true, menuGroup: 'bulk', permission: 'createImport' },
      },
      {
        path: 'imports',
        name: 'imports',
        component: () => import('@/views/imports/ImportHistoryView.vue'),
        meta: { titleKey: 'menu.imports', icon: 'Files', menu: true, menuGroup: 'bulk', permission: 'createImport' },
      },
      {
        path: 'imports/:id',
        name: 'import-detail',
        component: ImportWizardView,
        meta: { titleKey: 'menu.importDetail', parent: 'imports', permission: 'createImport' },
      },
      {
        path: 'units',
        name: 'units',
        component: () => import('@/views/units/UnitsView.vue'),
        meta: { titleKey: 'menu.units', icon: 'OfficeBuilding', menu: true },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/views/audit/AuditLogView.vue'),
        meta: { titleKey: 'menu.audit', icon: 'Document', menu: true, permission: 'listEvents' },
      },
      {
        // Webhooks and OA adapters: an admin feature, open to those whom GET /me lists it for.
        path: 'admin/integration',
        name: 'integration',
        component: () => import('@/views/integration/IntegrationView.vue'),
        meta: { titleKey: 'menu.integration', icon: 'Connection', menu: true, permission: 'listWebhookSubscriptions' },
      },
      {
        path: 'me',
        name: 'me',
        component: () => import('@/views/me/MeView.vue'),
        meta: { titleKey: 'menu.me', icon: 'User', menu: true },
      },
      {
        path: '403',
        name: 'forbidden',
        component: () => import('@/views/error/ForbiddenView.vue'),
        meta: { titleKey: 'menu.forbidden' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/error/NotFoundView.vue'),
        meta: { titleKey: 'menu.notFound' },
      },
    ],
  },
]
