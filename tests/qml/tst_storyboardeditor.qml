// The storyboard editor as a filmmaker uses it: add shots, edit a prompt, reorder by dragging and
// by keyboard, delete a multi-selection, undo and redo, and find it all after reopening.
import QtQuick
import QtTest
import Kinora.Storyboard

Item {
    id: root
    width: 1280
    height: 800

    StoryboardViewModel { id: vm }
    StoryboardPage { id: page; anchors.fill: parent; viewModel: vm }

    SignalSpy { id: projectSpy; target: vm; signalName: "projectChanged" }

    TestCase {
        name: "StoryboardEditor"
        when: windowShown

        function findAll(item, name, out) {
            if (item.objectName === name && item.visible)
                out.push(item)
            for (let i = 0; i < item.children.length; ++i)
                findAll(item.children[i], name, out)
            return out
        }
        function cards() {
            const strip = findChild(page, "shotStrip")
            return findAll(strip.contentItem, "shotCard", []).sort((a, b) => a.index - b.index)
        }
        function ids() {
            let out = []
            for (let i = 0; i < vm.shots.count; ++i)
                out.push(vm.shots.idAt(i))
            return out
        }
        function cardAt(row) {
            const all = cards()
            for (let i = 0; i < all.length; ++i)
                if (all[i].index === row)
                    return all[i]
            return null
        }

        function initTestCase() {
            vm.newProject("file://" + testProjectDir + "/editor.kinora")
            projectSpy.wait(5000)
            verify(vm.isOpen)
            compare(vm.shots.count, 1)
        }

        function test_1_addShots() {
            mouseClick(findChild(page, "addShotButton"))
            compare(vm.shots.count, 2)
            keyClick(Qt.Key_Return, Qt.ControlModifier)
            compare(vm.shots.count, 3)
            keyClick(Qt.Key_Insert)
            compare(vm.shots.count, 4)
            waitForRendering(page)
            tryCompare(cards(), "length", 4)
            compare(vm.shots.currentRow, 3) // the new shot is the current one
            compare(findChild(page, "totalLabel").text.indexOf("4 shots") >= 0 || findChild(page, "totalLabel").text.indexOf("4 shot") >= 0, true)
        }

        function test_2_editPromptThenUndo() {
            mouseClick(cardAt(1))
            compare(vm.shots.currentRow, 1)
            const prompt = findChild(page, "promptArea")
            mouseClick(prompt)
            verify(prompt.activeFocus)
            for (const ch of "a dog on a beach")
                keyClick(ch)
            compare(vm.currentShot.prompt, "a dog on a beach")
            tryCompare(cardAt(1).prompt, "length", 16)
            keyClick(Qt.Key_Escape) // back to the strip
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(vm.currentShot.prompt, "") // typing the prompt was one undo step
            keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
            compare(vm.currentShot.prompt, "a dog on a beach")
        }

        function test_3_reorderByDragging() {
            const before = ids()
            const first = cardAt(0)
            const target = cardAt(2)
            const p = target.mapToItem(first, target.width / 2, target.height / 2)
            // Press on the card, move in steps (past the drag threshold) onto the third card, release.
            mousePress(first, first.width / 2, first.height / 2)
            for (let step = 1; step <= 10; ++step)
                mouseMove(first, first.width / 2 + (p.x - first.width / 2) * step / 10,
                          first.height / 2 + (p.y - first.height / 2) * step / 10)
            mouseRelease(first, p.x, p.y)
            tryCompare(vm.shots, "currentRow", 2)
            const after = ids()
            compare(after[2], before[0])
            compare(after[0], before[1])
            compare(after[1], before[2])
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(ids(), before)
        }

        function test_4_reorderByKeyboard() {
            const before = ids()
            mouseClick(cardAt(3))
            keyClick(Qt.Key_Left, Qt.AltModifier)
            keyClick(Qt.Key_Left, Qt.AltModifier)
            const after = ids()
            compare(after[1], before[3])
            compare(vm.shots.currentRow, 1)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(ids(), before)
            // Moving right: the current shot is still the moved shot afterwards.
            mouseClick(cardAt(0))
            keyClick(Qt.Key_Right, Qt.AltModifier)
            keyClick(Qt.Key_Right, Qt.AltModifier)
            compare(ids()[2], before[0])
            compare(vm.shots.currentRow, 2)
            compare(vm.currentShot.id, before[0])
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(vm.shots.currentRow, 1)
            compare(vm.currentShot.id, before[0])
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(ids(), before)
        }

        function test_5_multiSelectDeleteUndo() {
            const before = ids()
            mouseClick(cardAt(0))
            mouseClick(cardAt(2), undefined, undefined, Qt.LeftButton, Qt.ControlModifier)
            compare(vm.shots.selectedCount, 2)
            keyClick(Qt.Key_Delete)
            compare(vm.shots.count, 2)
            compare(ids(), [before[1], before[3]])
            tryCompare(cards(), "length", 2)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(ids(), before)
            keyClick(Qt.Key_Y, Qt.ControlModifier)
            compare(ids(), [before[1], before[3]])
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(ids(), before)
        }

        function test_6_durationAndTotal() {
            mouseClick(cardAt(0))
            vm.setShotField("durationSeconds", 12.3)
            compare(vm.currentShot.durationSeconds, 12.3)
            compare(cardAt(0).durationSeconds, 12.3)
            compare(vm.totalSeconds, 12.3 + 3 * 5)
            const box = findChild(page, "durationBox")
            compare(box.displayText, "12.3")
        }

        function test_7_reopenedProjectHasEverything() {
            const before = ids()
            const prompt1 = vm.shots.data(vm.shots.index(1, 0), 259) // PromptRole
            verify(vm.flush(5000))
            vm.closeProject()
            tryCompare(vm, "isOpen", false)
            vm.openProject("file://" + testProjectDir + "/editor.kinora")
            tryCompare(vm, "isOpen", true)
            compare(ids(), before)
            mouseClick(cardAt(1))
            compare(vm.currentShot.prompt, "a dog on a beach")
            mouseClick(cardAt(0))
            compare(vm.currentShot.durationSeconds, 12.3)
        }

        function test_8_planPanelSaysWhatMoves() {
            mouseClick(cardAt(2))
            vm.setShotField("prompt", "A red car drives along the street. A man walks past the car.")
            // The plan is recomputed in the background after a short pause.
            tryVerify(() => vm.plan.summary.valid === true && vm.plan.summary.actions.length === 2, 5000)
            const actions = vm.plan.summary.actions
            compare(actions[0].actor, "car-1")
            compare(actions[0].verb, "drive") // a vehicle's run reads as a drive
            compare(actions[0].path, "along")
            compare(actions[1].actor, "person-1")
            compare(actions[1].verb, "walk") // people keep their own verbs
            compare(actions[1].path, "past")
            const panel = findChild(page, "planPanel")
            verify(panel.describeAction(actions[0]).indexOf("car-1 drive along") >= 0)
        }
    }
}
