package cn.qingfeng.unit;

/** A unit is in use, or deactivated (停用): kept with its history, taking no new work. */
public enum UnitState { ACTIVE, INACTIVE }
