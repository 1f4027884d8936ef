import Foundation
import GangwayCore
import Testing
@testable import GangwayServe

/// The team gate: open, a request passes at once; closed, it waits until the gate opens, however
/// many wait.
@Suite struct TeamGateTests {
    @Test func anOpenGateLetsRequestsThrough() async {
        let gate = TeamGate()
        #expect(gate.isOpen)
        await gate.wait()
    }

    @Test func aClosedGateHoldsRequestsUntilItOpens() async {
        let gate = TeamGate()
        gate.close()
        let passed = LockedValue(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    await gate.wait()
                    passed.withLock { $0 += 1 }
                }
            }
            // Give the waiters time to queue: none may pass while the gate is closed.
            try? await Task.sleep(for: .milliseconds(100))
            #expect(passed.withLock { $0 } == 0)
            gate.open()
            await group.waitForAll()
        }
        #expect(passed.withLock { $0 } == 5)
        await gate.wait()
    }
}
