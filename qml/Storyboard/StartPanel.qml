// StartPanel: shown when no project is open: new, open, import, and the recent projects.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

Rectangle {
    id: panel
    required property var viewModel
    signal newRequested()
    signal openRequested()
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 520)
        spacing: 14

        Label {
            text: qsTr("Kinora Studio")
            color: Theme.text
            font.pixelSize: 30
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Write a multi-shot storyboard; Kinora turns each shot into film with sound.")
            color: Theme.textMuted
            wrapMode: Text.Wrap
        }
        RowLayout {
            spacing: 10
            Button {
                objectName: "newProjectButton"
                text: qsTr("New project…")
                highlighted: true
                onClicked: panel.newRequested()
            }
            Button {
                objectName: "openProjectButton"
                text: qsTr("Open project…")
                onClicked: panel.openRequested()
            }
        }
        Label {
            visible: panel.viewModel.recentProjects.length > 0
            text: qsTr("Recent projects")
            color: Theme.text
            font.bold: true
            Layout.topMargin: 10
        }
        Repeater {
            model: panel.viewModel.recentProjects
            delegate: ItemDelegate {
                required property string modelData
                Layout.fillWidth: true
                text: modelData.split("/").pop() + "   —   " + modelData
                onClicked: panel.viewModel.openProject("file://" + modelData)
            }
        }
    }
}
