// Banner: a dismissable message strip for errors and warnings; says what happened and what to do.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: banner
    property string text
    property color tone: Theme.danger
    signal dismissed()

    visible: text.length > 0
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: Qt.rgba(tone.r, tone.g, tone.b, 0.18)
    border.color: tone
    radius: Theme.radius

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 8
        Label {
            objectName: "bannerText"
            Layout.fillWidth: true
            text: banner.text
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Button {
            text: qsTr("Dismiss")
            onClicked: banner.dismissed()
        }
    }
}
