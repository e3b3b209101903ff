package cn.qingfeng.todo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 待办 → 已办 (the receiver's part is done), 办结 (the matter is finished for all), or 撤回 (withdrawn). */
@Schema(name = "TodoState")
public enum TodoState { OPEN, DONE, FINISHED, WITHDRAWN }
