import CDOPApp
import Hummingbird

extension WebContext {
    /// The signed-in member of staff. `RouteTable` refuses a staff-only route to a visitor who is not signed in
    /// before its handler runs, so a handler of such a route always gets one; anywhere else, a visitor who is not
    /// signed in is answered "sign in first" (401).
    package func requireStaff() throws(Problem) -> StaffIdentity {
        guard let staff else { throw Problem.notSignedIn() }
        return staff
    }
}
