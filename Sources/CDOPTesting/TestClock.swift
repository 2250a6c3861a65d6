import CDOPApp

/// A clock the test moves by hand: a month of workflow runs in milliseconds (the product's `ManualClock`).
package typealias TestClock = ManualClock
