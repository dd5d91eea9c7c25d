"""Routine planning: `build_plan(PlanRequest(...))` → the plan object of SPEC §4."""

from unknot.planner.compose import PlanningError, alternatives, build_plan, plan_for
from unknot.planner.model import Plan, PlanStep
from unknot.planner.request import PlanRequest

__all__ = ["Plan", "PlanRequest", "PlanStep", "PlanningError", "alternatives", "build_plan",
           "plan_for"]
