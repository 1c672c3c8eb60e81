// StoryboardHeader: the storyboard's title, resolution, fps and aspect, its running time and the
// save state ("All changes saved" / "Saving…" / what failed).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

Rectangle {
    id: header
    required property var viewModel
    color: Theme.surface
    implicitHeight: layout.implicitHeight + 16

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: 8
        spacing: 12

        TextField {
            id: titleField
            objectName: "titleField"
            Layout.preferredWidth: 280
            placeholderText: qsTr("Storyboard title")
            font.pixelSize: Theme.titleFontSize
            text: header.viewModel.title
            onTextEdited: header.viewModel.title = text
        }
        ComboBox {
            objectName: "resolutionBox"
            model: header.viewModel.resolutionOptions
            currentIndex: model.indexOf(header.viewModel.resolution)
            onActivated: index => header.viewModel.resolution = model[index]
            ToolTip.text: qsTr("Resolution")
            ToolTip.visible: hovered
        }
        ComboBox {
            objectName: "fpsBox"
            model: [24, 25, 30]
            displayText: currentText + qsTr(" fps")
            currentIndex: model.indexOf(header.viewModel.fps)
            onActivated: index => header.viewModel.fps = model[index]
        }
        ComboBox {
            objectName: "aspectBox"
            model: header.viewModel.aspectOptions
            currentIndex: model.indexOf(header.viewModel.aspect)
            onActivated: index => header.viewModel.aspect = model[index]
            ToolTip.text: qsTr("Aspect ratio")
            ToolTip.visible: hovered
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "totalLabel"
            text: (header.viewModel.shots.count === 1 ? qsTr("1 shot") : qsTr("%1 shots").arg(header.viewModel.shots.count)) + " · "
                  + qsTr("total %1").arg(header.viewModel.formatDuration(header.viewModel.totalSeconds))
            color: Theme.text
        }
        Label {
            objectName: "saveStatus"
            text: header.viewModel.saveStatus
            color: header.viewModel.saveFailing ? Theme.danger : Theme.textMuted
            Layout.maximumWidth: 320
            elide: Text.ElideRight
        }
    }
}
