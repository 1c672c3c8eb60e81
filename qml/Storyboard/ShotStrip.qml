// ShotStrip: the shots as a wrapping grid of cards, in story order. Arrow keys move the current
// shot (Shift extends the selection); dragging a card drops it where the pointer is.
import QtQuick
import QtQuick.Controls
import Kinora.Controls

GridView {
    id: grid
    objectName: "shotStrip"
    required property var viewModel

    clip: true
    focus: true
    cellWidth: 232
    cellHeight: 200
    model: viewModel.shots
    currentIndex: viewModel.shots.currentRow
    keyNavigationEnabled: false
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    move: Transition { NumberAnimation { properties: "x,y"; duration: 120 } }
    displaced: Transition { NumberAnimation { properties: "x,y"; duration: 120 } }

    delegate: ShotCard {
        current: index === grid.viewModel.shots.currentRow
        genStatus: { grid.viewModel.generation.revision; return grid.viewModel.generation.statusFor(shotId) }
        onClicked: (row, modifiers) => {
            grid.forceActiveFocus()
            grid.viewModel.shots.select(row, modifiers & Qt.ControlModifier, modifiers & Qt.ShiftModifier)
        }
        onDropped: (from, sceneX, sceneY) => {
            const p = grid.contentItem.mapFromItem(null, sceneX, sceneY)
            let to = grid.indexAt(p.x, p.y)
            if (to < 0)
                to = grid.count - 1
            if (to !== from)
                grid.viewModel.moveShot(from, to)
        }
    }

    function step(delta, extend) {
        const rows = viewModel.shots
        if (rows.count === 0)
            return
        const next = Math.max(0, Math.min(rows.count - 1, rows.currentRow + delta))
        rows.select(next, false, extend)
        positionViewAtIndex(next, GridView.Contain)
    }

    Keys.onLeftPressed: event => step(-1, event.modifiers & Qt.ShiftModifier)
    Keys.onRightPressed: event => step(1, event.modifiers & Qt.ShiftModifier)
    Keys.onUpPressed: event => step(-Math.max(1, Math.floor(width / cellWidth)), event.modifiers & Qt.ShiftModifier)
    Keys.onDownPressed: event => step(Math.max(1, Math.floor(width / cellWidth)), event.modifiers & Qt.ShiftModifier)

    Label {
        anchors.centerIn: parent
        visible: grid.count === 0
        text: qsTr("No shots yet. Press Ctrl+Return to add one.")
        color: Theme.textMuted
    }
}
