"""Kotlin design classes (``class MyCalendar() { private val events = ... }``) agree with Python's.

A class that declares a primary constructor, even an empty ``()``, is a design class: its properties are
fields built by ``__init__`` (Python's ``self.events = []``); ``class Solution {`` (no constructor) keeps
its properties as locals of the entry function.  Expected text reviewed by hand.
"""

from __future__ import annotations

from skeldsl import extract_text

CALENDAR = """\
skel 1
fn f0() {
  s0 = list()
}
fn f1(p0: num, p1: num) {
  for s0 {
    if {
      return
    }
  }
  list.append(s0)
}
"""


def test_empty_primary_constructor_is_a_design_class() -> None:
    python = extract_text("""
class MyCalendar:
    def __init__(self):
        self.events = []

    def book(self, start: int, end: int) -> bool:
        for s, e in self.events:
            if start < e and s < end:
                return False
        self.events.append((start, end))
        return True
""", "python")
    kotlin = extract_text("""
class MyCalendar() {
    private val events = mutableListOf<IntArray>()

    fun book(startTime: Int, endTime: Int): Boolean {
        for (event in events) {
            if (startTime < event[1] && event[0] < endTime) {
                return false
            }
        }
        events.add(intArrayOf(startTime, endTime))
        return true
    }
}
""", "kotlin")
    assert python == kotlin == CALENDAR


def test_solution_class_properties_stay_locals() -> None:
    kotlin = extract_text("""
class Solution {
    private val seen = HashSet<Int>()

    fun containsDuplicate(nums: IntArray): Boolean {
        for (x in nums) {
            if (!seen.add(x)) return true
        }
        return false
    }
}
""", "kotlin")
    assert kotlin.count("fn ") == 1 and "v0 = set()" in kotlin
