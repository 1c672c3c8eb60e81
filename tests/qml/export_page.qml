// The Export page as a user drives it: a project with a shot not generated yet is refused with
// the shot named, "leave out" makes it exportable, the export writes a vertical MP4 and its poster,
// and Cancel stops an export leaving nothing behind.
import QtQuick
import QtTest
import Kinora.Storyboard
import Kinora.Export

Item {
    id: root
    width: 1280
    height: 800

    StoryboardViewModel { id: board }
    ExportPage { id: page; anchors.fill: parent; storyboard: board }
    SignalSpy { id: projectSpy; target: board; signalName: "projectChanged" }
    SignalSpy { id: finishedSpy; target: page.viewModel; signalName: "finished" }

    TestCase {
        name: "ExportPage"
        when: windowShown
        readonly property var vm: page.viewModel

        function initTestCase() {
            board.openProject("file://" + exportProject)
            projectSpy.wait(5000)
            verify(board.isOpen, board.errorMessage)
        }

        function test_1_missingTakesAreNamed() {
            vm.skipMissing = false
            vm.refresh()
            tryVerify(() => vm.summary.indexOf("Shot 3") >= 0, 10000, vm.summary)
            verify(vm.summary.indexOf("generate") >= 0, vm.summary)
            vm.skipMissing = true
            vm.refresh()
            tryVerify(() => vm.summary.indexOf("3 shots") >= 0, 10000, vm.summary)
            verify(vm.summary.indexOf("left out") >= 0, vm.summary)
        }

        function test_2_exportWritesTheFilmAndPoster() {
            vm.preset = "vertical-1080"
            vm.quality = "fast"
            vm.handle = "@tester"
            vm.savePoster = true
            finishedSpy.clear()
            vm.start("file://" + outputFolder + "/film")
            verify(vm.busy)
            finishedSpy.wait(120000)
            compare(finishedSpy.signalArguments[0][0], true, vm.error)
            verify(!vm.busy)
            compare(vm.lastOutput, outputFolder + "/film.mp4")
            verify(files.size(outputFolder + "/film.mp4") > 10000)
            verify(files.size(outputFolder + "/film.png") > 1000)
            compare(vm.progress, 1)
        }

        function test_3_cancelLeavesNothing() {
            vm.preset = "landscape-1080"
            vm.quality = "high"
            finishedSpy.clear()
            vm.start("file://" + outputFolder + "/cancelled.mp4")
            vm.cancel()
            finishedSpy.wait(120000)
            compare(finishedSpy.signalArguments[0][0], false)
            verify(vm.error.indexOf("cancelled") >= 0, vm.error)
            compare(files.entries(outputFolder).filter(f => f.indexOf("cancelled") === 0).length, 0)
        }
    }
}
